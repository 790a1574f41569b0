#pragma once

#include "common/apierror.h"

#include <utility>
#include <variant>

namespace vc {

struct Empty
{
};

// Either the data of a successful call or the error that explains why there is none.
template <typename T>
class Result final
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(ApiError error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_data); }
    T &value() { return std::get<T>(m_data); }
    const ApiError &error() const { return std::get<ApiError>(m_data); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }
    // The explanation for a person, empty when there is no error (a field hint shows nothing then).
    QString message() const { return ok() ? QString() : error().explanation; }

private:
    std::variant<T, ApiError> m_data;
};

} // namespace vc
