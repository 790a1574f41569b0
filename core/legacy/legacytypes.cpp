#include "legacy/legacytypes.h"

namespace vc {

QString LegacyState::statusName(int state)
{
    static const char *const names[] = {"sending", "sent", "listened", "not_listened", "error"};
    if (state >= 0 && state < 5)
        return QLatin1String(names[state]);
    return QStringLiteral("state_%1").arg(state);
}

int LegacyState::fromStatusName(const QString &name)
{
    for (int state = 0; state < 5; ++state) {
        if (statusName(state) == name)
            return state;
    }
    return -1;
}

QString LegacyState::name(int state)
{
    return LegacyNames::state(state);
}

QString LegacyNames::state(int state)
{
    switch (state) {
    case 0: return tr("sending");
    case 1: return tr("sent");
    case 2: return tr("listened");
    case 3: return tr("not listened");
    case 4: return tr("error");
    default: return tr("state %1").arg(state);
    }
}

} // namespace vc
