#include "accounts/secretstore.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcSecrets, "vc.secrets")
}

QString SecretMessages::timedOut(int seconds)
{
    return tr("The system keychain did not answer within %n second(s); it may be locked. The operation was "
              "abandoned.", nullptr, seconds);
}

QString SecretMessages::unavailable(const QString &detail)
{
    return tr("The system keychain cannot be used (%1).").arg(detail);
}

QString SecretMessages::notFound()
{
    return tr("No secret is stored for this profile yet.");
}

KeychainBackend::KeychainBackend(const QString &service) : m_service(service) {}

void KeychainBackend::start(Op op, const QString &key, const QString &value, QObject *context,
                            std::function<void(SecretResult)> done)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(value);
        job = write;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy on disk
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [op, done](QKeychain::Job *finished) {
        switch (finished->error()) {
        case QKeychain::NoError:
            return done(op == Op::Read ? static_cast<QKeychain::ReadPasswordJob *>(finished)->textData() : QString());
        case QKeychain::EntryNotFound:
            // Removing what is not there is fine; reading it is "not found".
            if (op == Op::Remove)
                return done(QString());
            return done(SecretError{SecretError::Status::NotFound, SecretMessages::notFound()});
        default:
            return done(SecretError{SecretError::Status::Unavailable, SecretMessages::unavailable(finished->errorString())});
        }
    });
    job->start();
}

SecretStore::SecretStore(std::unique_ptr<SecretBackend> backend, QObject *parent)
    : QObject(parent), m_backend(std::move(backend))
{
}

SecretStore::~SecretStore() = default;

void SecretStore::keepForSession(const QString &key, const QString &value)
{
    m_session.insert(key, value);
}

void SecretStore::read(const QString &key, QObject *context, std::function<void(SecretResult)> done)
{
    if (m_session.contains(key)) {
        QTimer::singleShot(0, context, [done, value = m_session.value(key)] { done(value); });
        return;
    }
    run(SecretBackend::Op::Read, key, {}, context, std::move(done));
}

void SecretStore::write(const QString &key, const QString &value, QObject *context,
                        std::function<void(SecretResult)> done)
{
    m_session.remove(key);
    run(SecretBackend::Op::Write, key, value, context, std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, std::function<void(SecretResult)> done)
{
    m_session.remove(key);
    run(SecretBackend::Op::Remove, key, {}, context, std::move(done));
}

void SecretStore::run(SecretBackend::Op op, const QString &key, const QString &value, QObject *context,
                      std::function<void(SecretResult)> done)
{
    // One answer per call: whichever of the backend and the watchdog speaks first.
    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    auto *watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    const auto finish = [this, answered, guard, done, watchdog](const SecretResult &r) {
        if (*answered)
            return;
        *answered = true;
        watchdog->stop();
        watchdog->deleteLater();
        if (!r.ok() && r.error().status != SecretError::Status::NotFound) {
            qCWarning(lcSecrets).noquote() << r.error().message;
            Q_EMIT keychainFailed(r.error().message);
        }
        if (guard)
            done(r);
    };
    connect(watchdog, &QTimer::timeout, this, [finish, this] {
        finish(SecretError{SecretError::Status::TimedOut, SecretMessages::timedOut(qMax(1, m_timeoutMs / 1000))});
    });
    watchdog->start(m_timeoutMs);
    m_backend->start(op, key, value, this, finish);
}

} // namespace vc
