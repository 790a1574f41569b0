#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace vc {

// Why the keychain did not do what was asked.
struct SecretError
{
    enum class Status { NotFound, Unavailable, TimedOut };
    Status status = Status::Unavailable;
    QString message; // translated
};

inline QString errorMessage(const SecretError &error)
{
    return error.message;
}

// A read gives the secret; a write or a removal an empty string.
using SecretResult = Result<QString, SecretError>;

// Where secrets really go: the OS keychain, or a fake in tests. One call, one answer (or none: a
// locked keyring may never answer, which the store's watchdog handles).
class SecretBackend
{
public:
    enum class Op { Read, Write, Remove };
    virtual ~SecretBackend() = default;
    virtual void start(Op op, const QString &key, const QString &value, QObject *context,
                       std::function<void(SecretResult)> done) = 0;
};

// QtKeychain: Secret Service on Linux, Keychain on macOS, Credential Manager on Windows. Never with the
// plaintext fallback.
class KeychainBackend final : public SecretBackend
{
public:
    explicit KeychainBackend(const QString &service = QStringLiteral("voice-console"));
    void start(Op op, const QString &key, const QString &value, QObject *context,
               std::function<void(SecretResult)> done) override;

private:
    QString m_service;
};

// Asynchronous secret storage with a watchdog: a job that has not answered in time is abandoned with a
// clear message. When the keychain cannot be used, secrets can be kept for this session only, in
// memory, and the store says so (sessionOnly()).
class SecretStore final : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(std::unique_ptr<SecretBackend> backend, QObject *parent = nullptr);
    ~SecretStore() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void read(const QString &key, QObject *context, std::function<void(SecretResult)> done);
    void write(const QString &key, const QString &value, QObject *context, std::function<void(SecretResult)> done);
    void remove(const QString &key, QObject *context, std::function<void(SecretResult)> done);

    // Keep a secret in memory for this session (after the keychain failed).
    void keepForSession(const QString &key, const QString &value);
    bool sessionOnly() const { return !m_session.isEmpty(); }

Q_SIGNALS:
    void keychainFailed(const QString &message);

private:
    void run(SecretBackend::Op op, const QString &key, const QString &value, QObject *context,
             std::function<void(SecretResult)> done);

    std::unique_ptr<SecretBackend> m_backend;
    QHash<QString, QString> m_session;
    int m_timeoutMs = 10000;
};

class SecretMessages final
{
    Q_DECLARE_TR_FUNCTIONS(SecretMessages)
public:
    static QString timedOut(int seconds);
    static QString unavailable(const QString &detail);
    static QString notFound();
};

} // namespace vc
