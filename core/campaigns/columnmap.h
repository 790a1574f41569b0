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
    int consent = -1;   // consent, согласие, or --consent-column NAME
    QString numberName; // as the header has it, or "1", "2"... for a position

    // From the first record and the operator's choice (empty: find it) of the number column and the
    // consent column (a header name). An error is translated.
    static Result<ColumnMap, QString> detect(const QStringList &first, const QString &column,
                                             const QString &consentColumn = {});
};

// A header cell that names the number column (phone, destination, number, телефон, номер; any case).
bool isNumberColumnName(const QString &name);
// A header cell that names the consent column (consent, согласие; any case).
bool isConsentColumnName(const QString &name);
// Whether a consent cell gives consent: any text (a date, a source) except empty, "no", "нет",
// "false", "0" or "-" (any case).
bool givesConsent(const QString &cell);

} // namespace vc
