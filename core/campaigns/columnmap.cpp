#include "campaigns/columnmap.h"

#include <QHash>

namespace vc {

namespace {

QString cleanName(const QString &cell)
{
    QString n = cell.trimmed().toLower();
    if (n.startsWith(QChar(0xFEFF)))
        n.remove(0, 1);
    return n;
}

} // namespace

bool isNumberColumnName(const QString &name)
{
    static const QStringList names = {QStringLiteral("phone"), QStringLiteral("destination"), QStringLiteral("number"),
                                      QStringLiteral("телефон"), QStringLiteral("номер")};
    return names.contains(cleanName(name));
}

bool isConsentColumnName(const QString &name)
{
    const QString n = cleanName(name);
    return n == QLatin1String("consent") || n == QStringLiteral("согласие");
}

bool givesConsent(const QString &cell)
{
    static const QStringList refusals = {QStringLiteral("no"), QStringLiteral("нет"), QStringLiteral("false"), QStringLiteral("0"),
                                         QStringLiteral("-")};
    const QString n = cell.trimmed().toLower();
    return !n.isEmpty() && !refusals.contains(n);
}

Result<ColumnMap, QString> ColumnMap::detect(const QStringList &first, const QString &column, const QString &consentColumn)
{
    ColumnMap map;
    QHash<QString, int> byName;
    for (int i = 0; i < first.size(); ++i) {
        const QString n = cleanName(first.at(i));
        if (!byName.contains(n))
            byName.insert(n, i);
    }
    static const QStringList optional = {QStringLiteral("service_id"), QStringLiteral("file_id"), QStringLiteral("tz"),
                                         QStringLiteral("name")};
    bool anyKnown = false;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        anyKnown = anyKnown || isNumberColumnName(it.key()) || optional.contains(it.key()) || isConsentColumnName(it.key());
    const QString consentWanted = cleanName(consentColumn);
    if (!consentWanted.isEmpty() && !byName.contains(consentWanted))
        return ColumnMap::tr("The file has no consent column named \"%1\" in its first row.").arg(consentColumn.trimmed().left(64));
    anyKnown = anyKnown || !consentWanted.isEmpty();

    const QString wanted = column.trimmed();
    bool isIndex = false;
    const int index = wanted.toInt(&isIndex);
    if (!wanted.isEmpty() && !isIndex && !byName.contains(cleanName(wanted)))
        return ColumnMap::tr("The file has no column named \"%1\" in its first row.").arg(wanted.left(64));
    map.header = anyKnown || (!wanted.isEmpty() && !isIndex);
    if (!wanted.isEmpty() && isIndex) {
        if (index < 1 || index > 256)
            return ColumnMap::tr("--column takes a column name or a position from 1.");
        map.number = index - 1;
    } else if (!wanted.isEmpty()) {
        map.number = byName.value(cleanName(wanted));
    } else if (map.header) {
        map.number = 0;
        for (int i = 0; i < first.size(); ++i) {
            if (isNumberColumnName(first.at(i))) {
                map.number = i;
                break;
            }
        }
    }
    map.numberName = map.header && map.number < first.size() ? first.at(map.number).trimmed() : QString::number(map.number + 1);
    if (map.header) {
        map.serviceId = byName.value(QStringLiteral("service_id"), -1);
        map.fileId = byName.value(QStringLiteral("file_id"), -1);
        map.tz = byName.value(QStringLiteral("tz"), -1);
        map.name = byName.value(QStringLiteral("name"), -1);
        if (!consentWanted.isEmpty()) {
            map.consent = byName.value(consentWanted);
        } else {
            for (int i = 0; i < first.size() && map.consent < 0; ++i) {
                if (isConsentColumnName(first.at(i)))
                    map.consent = i;
            }
        }
    }
    return map;
}

} // namespace vc
