#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace vc {

// Which column holds what. The number column is found by name (phone, destination, number, телефон,
// номер, any case) in a header row, else it is the first column; `--column NAME|N` overrides.
struct ColumnMap
{
    Q_DECLARE_TR_FUNCTIONS(ColumnMap)
public:
    bool header = false;
    int number = 0;
    int serviceId = -1;
    int fileId = -1;
    int tz = -1;
    int name = -1;
    QString numberName; // as the header has it, or "1", "2"... for a position

    // From the first record and the operator's choice (empty: find it). An error is translated.
    static Result<ColumnMap, QString> detect(const QStringList &first, const QString &column);
};

// A header cell that names the number column (phone, destination, number, телефон, номер; any case).
bool isNumberColumnName(const QString &name);

} // namespace vc
