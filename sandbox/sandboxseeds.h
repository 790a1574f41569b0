#pragma once

// What every fresh sandbox holds, named once for the sandbox itself, the tests, the benchmarks and the
// screenshot driver.
namespace vc::sandbox::seeds {

inline constexpr const char *kReminderServiceId = "14b8d7b3-5468-418f-8592-b1d2127ad36b";
inline constexpr const char *kReminderServiceName = "Напоминание о записи к врачу"; // UTF-8
inline constexpr const char *kDeliveryServiceId = "40d781c9-a559-4175-82be-96d5fd4b1ca7";
inline constexpr const char *kOverdueServiceId = "7c0e2f55-1d2a-4b7e-9a43-58f1c0d2e6aa";
inline constexpr const char *kSurveyServiceId = "a3f5e9d1-8b6c-4e2f-b1a0-9c8d7e6f5a4b";
inline constexpr const char *kApplicationUuid = "d25b1d5a-6879-44a2-95fd-c9487bc4a1f4";

} // namespace vc::sandbox::seeds
