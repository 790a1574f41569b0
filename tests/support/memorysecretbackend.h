#pragma once

#include "accounts/secretstore.h"

#include <QHash>
#include <QTimer>

namespace vc::test {

// Secrets held in memory only: a test fake of the keychain that can also fail or never answer.
class MemoryBackend final : public SecretBackend
{
public:
    enum class Behaviour { Works, Unavailable, NeverAnswers };
    void setBehaviour(Behaviour behaviour) { m_behaviour = behaviour; }
    QHash<QString, QString> contents() const { return m_secrets; }

    void start(Op op, const QString &key, const QString &value, QObject *context,
               std::function<void(SecretResult)> done) override
    {
        if (m_behaviour == Behaviour::NeverAnswers)
            return;
        const SecretResult r = [&]() -> SecretResult {
            if (m_behaviour == Behaviour::Unavailable)
                return SecretError{SecretError::Status::Unavailable, SecretMessages::unavailable(QStringLiteral("test backend"))};
            if (op == Op::Write) {
                m_secrets.insert(key, value);
                return QString();
            }
            if (op == Op::Remove) {
                m_secrets.remove(key);
                return QString();
            }
            if (m_secrets.contains(key))
                return m_secrets.value(key);
            return SecretError{SecretError::Status::NotFound, SecretMessages::notFound()};
        }();
        QTimer::singleShot(0, context, [done, r] { done(r); });
    }

private:
    Behaviour m_behaviour = Behaviour::Works;
    QHash<QString, QString> m_secrets;
};

} // namespace vc::test
