#pragma once

#include "common/storage.h"
#include "policy/contactledger.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace vc {

// Numbers that must never be called. The shared list lives in the contact store (defaultPath(), the
// ledger's SQLite file the app and voicectl share): each entry with why, where from and when, every add
// and remove appended to a history nobody can edit (ContactLedger). The text file of earlier versions is
// moved into it on first use and kept beside as a backup (".migrated"). Any other path is a text file of
// numbers, one per line, read for one run (--dnc FILE); changes to it re-read it under a lock and
// replace it atomically.
class DoNotCallList final
{
    Q_DECLARE_TR_FUNCTIONS(DoNotCallList)
public:
    static QString defaultPath();
    static QString legacyTextPath(); // <data folder>/do-not-call.txt, before the store
    // Subscriber asked, a telecom operator's refusal list (126-FZ art. 44.1), a complaint, other.
    static QStringList addReasons() { return {QStringLiteral("subscriber"), QStringLiteral("operator-list"), QStringLiteral("complaint"), QStringLiteral("other")}; }
    static QString reasonTitle(const QString &reason); // translated

    // A missing file is an empty list. Lines that are not numbers (comments with '#', blanks) are skipped;
    // other unreadable lines are counted in skipped().
    StorageResult load(const QString &path);
    QString path() const { return m_path; }
    bool contains(const QString &normalisedNumber) const { return m_numbers.contains(normalisedNumber); }
    qsizetype size() const { return m_numbers.size(); }
    qsizetype skipped() const { return m_skipped; }
    QStringList sorted() const;
    void merge(const DoNotCallList &other);

    struct Change
    {
        qsizetype changed = 0;       // added or removed
        QStringList invalid;         // inputs that are not phone numbers
    };
    // Normalise, then add or remove and save; the shared list records `why` in its history (a removal
    // needs a reason). `numbers` in any notation.
    using Why = ContactLedger::DoNotCallChange;
    Result<Change, StorageError> add(const QStringList &numbers, const Why &why = {QStringLiteral("other"), QStringLiteral("manual"), {}, {}});
    Result<Change, StorageError> remove(const QStringList &numbers, const Why &why);
    bool isShared() const;
    // The shared list's history, oldest first.
    static Result<QList<ContactLedger::DoNotCallEvent>, StorageError> history();
    // Numbers read from a CSV or text file (the number column found as in a campaign).
    static Result<QStringList, StorageError> readNumbers(const QString &file);

private:
    Result<Change, StorageError> update(const QStringList &numbers, bool add, const Why &why);
    StorageResult loadShared();
    StorageResult save();
    QString m_path;
    QSet<QString> m_numbers;
    qsizetype m_skipped = 0;
};

} // namespace vc
