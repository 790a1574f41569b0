#include "sandboxfaults.h"

namespace vc::sandbox {

namespace {
struct KindName
{
    Fault::Kind kind;
    const char *name;
};
constexpr KindName kKindNames[] = {
    {Fault::Kind::Status, "status"},          {Fault::Kind::Delay, "delay"},
    {Fault::Kind::Garbage, "garbage"},        {Fault::Kind::Truncate, "truncate"},
    {Fault::Kind::Huge, "huge"},              {Fault::Kind::Drop, "drop"},
    {Fault::Kind::PlaceThen500, "place_then_500"}, {Fault::Kind::PlaceThenDrop, "place_then_drop"},
};
} // namespace

std::optional<Fault::Kind> faultKindFromName(const QString &name)
{
    for (const auto &k : kKindNames) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QString faultKindName(Fault::Kind kind)
{
    for (const auto &k : kKindNames) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &o, QString *error)
{
    FaultRule rule;
    const auto kind = faultKindFromName(o.value(QStringLiteral("kind")).toString(QStringLiteral("status")));
    if (!kind) {
        *error = QStringLiteral("unknown fault kind");
        return std::nullopt;
    }
    rule.fault.kind = *kind;
    rule.endpoint = o.value(QStringLiteral("endpoint")).toString();
    rule.remaining = o.value(QStringLiteral("count")).toInt(-1);
    rule.after = std::max(0, o.value(QStringLiteral("after")).toInt(0));
    rule.rate = o.value(QStringLiteral("rate")).toDouble(1.0);
    rule.fault.status = o.value(QStringLiteral("status")).toInt(500);
    rule.fault.retryAfterSec = o.value(QStringLiteral("retry_after")).toInt(0);
    rule.fault.delayMs = o.value(QStringLiteral("delay_ms")).toInt(0);
    rule.fault.hugeBytes = qint64(o.value(QStringLiteral("huge_bytes")).toDouble(32.0 * 1024 * 1024));
    rule.fault.body = o.value(QStringLiteral("body")).toString().toUtf8();
    if (rule.rate < 0 || rule.rate > 1 || rule.fault.status < 100 || rule.fault.status > 599 || rule.fault.hugeBytes < 0) {
        *error = QStringLiteral("fault values out of range");
        return std::nullopt;
    }
    return rule;
}

QJsonObject FaultRule::toJson() const
{
    return {{QStringLiteral("endpoint"), endpoint},
            {QStringLiteral("after"), after},
            {QStringLiteral("count"), remaining},
            {QStringLiteral("rate"), rate},
            {QStringLiteral("kind"), faultKindName(fault.kind)},
            {QStringLiteral("status"), fault.status},
            {QStringLiteral("retry_after"), fault.retryAfterSec},
            {QStringLiteral("delay_ms"), fault.delayMs},
            {QStringLiteral("huge_bytes"), double(fault.hugeBytes)}};
}

} // namespace vc::sandbox
