#pragma once

#include "common/storage.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace vc {

// Numbers that must never be called: a text file of normalised numbers, one per line, in the data
// folder the desktop app and voicectl share (or any file given for one run). Changes re-read the
// file under a lock and replace it atomically, so the app and the CLI never lose each other's edits.
class DoNotCallList final
{
    Q_DECLARE_TR_FUNCTIONS(DoNotCallList)
public:
    static QString defaultPath();

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
    // Normalise, then add or remove and save. `numbers` in any notation.
    Result<Change, StorageError> add(const QStringList &numbers);
    Result<Change, StorageError> remove(const QStringList &numbers);
    // Numbers read from a CSV or text file (the number column found as in a campaign).
    static Result<QStringList, StorageError> readNumbers(const QString &file);

private:
    Result<Change, StorageError> update(const QStringList &numbers, bool add);
    StorageResult save();
    QString m_path;
    QSet<QString> m_numbers;
    qsizetype m_skipped = 0;
};

} // namespace vc
