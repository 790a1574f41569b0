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

Result<ColumnMap, QString> ColumnMap::detect(const QStringList &first, const QString &column)
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
        anyKnown = anyKnown || isNumberColumnName(it.key()) || optional.contains(it.key());

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
    }
    return map;
}

} // namespace vc
