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

bool CallInfo::isStale(const QDateTime &now, int marginSeconds) const
{
    if (isFinal() || !created.isValid())
        return false;
    const int answerTimeout = timeout.value_or(60);
    return created.secsTo(now) > qint64(answerTimeout) + marginSeconds;
}

} // namespace vc
