#include "exolve/exolvetypes.h"

#include <QSet>

namespace vc {

bool isFinalCallStatus(const QString &status)
{
    static const QSet<QString> finalStatuses = {
        QStringLiteral("completed"), QStringLiteral("no_answer"), QStringLiteral("canceled"),
        QStringLiteral("busy"),      QStringLiteral("rejected"),  QStringLiteral("failed"),
        QStringLiteral("modified"),
    };
    return finalStatuses.contains(status.toLower());
}

bool CallInfo::isFinal() const
{
    return isFinalCallStatus(status) || ended.isValid();
}

bool isPastAnswerTimeout(const QDateTime &created, int timeoutSec, const QDateTime &now, int marginSeconds)
{
    return created.isValid() && created.secsTo(now) > qint64(timeoutSec >= 0 ? timeoutSec : 60) + marginSeconds;
}

bool CallInfo::isStale(const QDateTime &now, int marginSeconds) const
{
    return !isFinal() && isPastAnswerTimeout(created, timeout.value_or(-1), now, marginSeconds);
}

} // namespace vc
