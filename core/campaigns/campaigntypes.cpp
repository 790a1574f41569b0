#include "campaigns/campaigntypes.h"

namespace vc {

QString rowClassName(RowClass c)
{
    switch (c) {
    case RowClass::Ready:
        return QStringLiteral("ready");
    case RowClass::Invalid:
        return QStringLiteral("invalid");
    case RowClass::Duplicate:
        return QStringLiteral("duplicate");
    case RowClass::Suppressed:
        return QStringLiteral("suppressed");
    case RowClass::Capped:
        return QStringLiteral("capped");
    case RowClass::NoConsent:
        return QStringLiteral("no_consent");
    }
    return {};
}

QString rowStateName(RowState s)
{
    switch (s) {
    case RowState::Pending:
        return QStringLiteral("pending");
    case RowState::Dispatching:
        return QStringLiteral("dispatching");
    case RowState::Placed:
        return QStringLiteral("placed");
    case RowState::Rejected:
        return QStringLiteral("rejected");
    case RowState::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

RowClass rowClassFromName(const QString &name)
{
    for (RowClass c : {RowClass::Ready, RowClass::Invalid, RowClass::Duplicate, RowClass::Suppressed, RowClass::Capped,
                       RowClass::NoConsent}) {
        if (rowClassName(c) == name)
            return c;
    }
    return RowClass::Invalid;
}

RowState rowStateFromName(const QString &name)
{
    for (RowState s : {RowState::Pending, RowState::Dispatching, RowState::Placed, RowState::Rejected, RowState::Unknown}) {
        if (rowStateName(s) == name)
            return s;
    }
    return RowState::Unknown;
}

} // namespace vc
