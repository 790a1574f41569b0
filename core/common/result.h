#pragma once

#include "common/apierror.h"

#include <utility>
#include <variant>

namespace vc {

struct Empty
{
};

// The message for a person in an error value; each error type of the core has one.
inline QString errorMessage(const QString &error)
{
    return error; // a translated message is its own explanation
}

inline QString errorMessage(const ApiError &error)
{
    return error.explanation;
}

// The one result convention of the core: either the data of a successful operation or the error that
// explains why there is none. API calls and validation use ApiError; other layers bring their own
// error type (the keychain's SecretError, the storage's StorageError).
template <typename T, typename E = ApiError>
class [[nodiscard]] Result final
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(E error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_data); }
    T &value() { return std::get<T>(m_data); }
    const E &error() const { return std::get<E>(m_data); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }
    // The explanation for a person, empty when there is no error (a field hint shows nothing then).
    QString message() const { return ok() ? QString() : errorMessage(error()); }

private:
    std::variant<T, E> m_data;
};

} // namespace vc
