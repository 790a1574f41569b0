#include "common/sqlerror.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>

namespace vc::storage {

namespace {
Q_LOGGING_CATEGORY(lcStorage, "vc.storage")

class Text final
{
    Q_DECLARE_TR_FUNCTIONS(Storage)
public:
    static QString forCode(int primary, const QString &native)
    {
        switch (primary) {
        case 5: // SQLITE_BUSY
        case 6: // SQLITE_LOCKED
            return tr("the file is busy: another program is writing to it. Try again in a moment.");
        case 8: // SQLITE_READONLY
            return tr("the file cannot be written: it or its folder is read-only.");
        case 10: // SQLITE_IOERR
            return tr("the disk could not be read or written.");
        case 11: // SQLITE_CORRUPT
        case 26: // SQLITE_NOTADB
            return tr("the file is damaged.");
        case 13: // SQLITE_FULL
            return tr("the disk is full.");
        case 14: // SQLITE_CANTOPEN
            return tr("the file cannot be opened.");
        default:
            return native.isEmpty() ? tr("the file could not be read or written.")
                                    : tr("the file could not be read or written (SQLite error %1).").arg(native);
        }
    }
};

int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1; // extended result codes keep the primary code in the low byte
}
} // namespace

QString message(const QSqlError &error)
{
    qCInfo(lcStorage).noquote() << "SQLite:" << error.nativeErrorCode() << error.text();
    return Text::forCode(primaryCode(error), error.nativeErrorCode());
}

bool isDamage(const QSqlError &error)
{
    const int code = primaryCode(error);
    return code == 11 || code == 26;
}

} // namespace vc::storage
