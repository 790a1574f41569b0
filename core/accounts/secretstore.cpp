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
        SecretResult r;
        switch (finished->error()) {
        case QKeychain::NoError:
            if (op == Op::Read)
                r.value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            break;
        case QKeychain::EntryNotFound:
            // Removing what is not there is fine; reading it is "not found".
            if (op != Op::Remove) {
                r.status = SecretResult::Status::NotFound;
                r.message = SecretMessages::notFound();
            }
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
        case QKeychain::OtherError:
        default:
            r.status = SecretResult::Status::Unavailable;
            r.message = SecretMessages::unavailable(finished->errorString());
            break;
        }
        done(r);
    });
    job->start();
}

void MemoryBackend::start(Op op, const QString &key, const QString &value, QObject *context,
                          std::function<void(SecretResult)> done)
{
    if (m_behaviour == Behaviour::NeverAnswers)
        return;
    SecretResult r;
    if (m_behaviour == Behaviour::Unavailable) {
        r.status = SecretResult::Status::Unavailable;
        r.message = SecretMessages::unavailable(QStringLiteral("test backend"));
    } else if (op == Op::Write) {
        m_secrets.insert(key, value);
    } else if (op == Op::Remove) {
        m_secrets.remove(key);
    } else if (m_secrets.contains(key)) {
        r.value = m_secrets.value(key);
    } else {
        r.status = SecretResult::Status::NotFound;
        r.message = SecretMessages::notFound();
    }
    QTimer::singleShot(0, context, [done, r] { done(r); });
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
        SecretResult r;
        r.value = m_session.value(key);
        QTimer::singleShot(0, context, [done, r] { done(r); });
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
        if (r.status == SecretResult::Status::Unavailable || r.status == SecretResult::Status::TimedOut) {
            qCWarning(lcSecrets).noquote() << r.message;
            Q_EMIT keychainFailed(r.message);
        }
        if (guard)
            done(r);
    };
    connect(watchdog, &QTimer::timeout, this, [finish, this] {
        SecretResult r;
        r.status = SecretResult::Status::TimedOut;
        r.message = SecretMessages::timedOut(qMax(1, m_timeoutMs / 1000));
        finish(r);
    });
    watchdog->start(m_timeoutMs);
    m_backend->start(op, key, value, this, finish);
}

} // namespace vc
