#pragma once

#include "calls/callhistory.h"
#include "exolve/exolvetypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>

class QIODevice;

namespace vc {

class ExolveClient;

// One call in a comparison of this computer's call history with Exolve's.
struct ComparisonRow
{
    enum class Kind {
        Both,             // in both, durations agree (or one is not known)
        DurationMismatch, // in both, durations differ by more than a second
        OnlyLocal,        // placed here, unknown to the provider's history
        OnlyProvider,     // in the provider's history only: placed outside this console
    };
    Kind kind = Kind::Both;
    QString number;           // E.164 digits
    QString localCallId;
    QString providerCallId;
    QDateTime placedAt;       // local record's creation (UTC); invalid for provider-only rows
    int localDuration = -1;
    int providerDuration = -1;
    QString campaign;         // the campaign that placed it, empty for single sends
    QString providerFields;   // the history entry's undocumented fields, verbatim
    bool pairedByOrder = false; // the history's own ids: paired with the local call in time order

    static QString kindName(Kind k); // "both", "duration_mismatch", "only_local", "only_provider"
};

// A stored comparison: the period, when it was made, and every row.
struct HistoryComparison
{
    Q_DECLARE_TR_FUNCTIONS(HistoryComparison)
public:
    QDateTime from, to, made;
    QList<ComparisonRow> rows;

    struct Totals
    {
        qint64 both = 0; // duration mismatches included
        qint64 onlyLocal = 0;
        qint64 onlyProvider = 0;
        qint64 durationMismatch = 0;
    };
    Totals totals() const;
    QJsonObject toJson() const; // both, only_local, only_provider, duration_mismatch, rows, from, to, made
    static std::optional<HistoryComparison> fromJson(const QJsonObject &o);
    // CSV of the rows; numbers with '+', cells a spreadsheet would run neutralised.
    bool writeCsv(QIODevice *out) const;

    // Kept in the data folder's "comparisons" folder (a JSON file each), newest first.
    static QString folder();
    QString save(QString *error) const; // the file's path; empty (and *error) when it could not be written
    static QStringList saved();
    static std::optional<HistoryComparison> load(const QString &path);
};

// Compares the calls this computer placed through Exolve in a period (the shared call history: the app,
// campaigns and voicectl) with Exolve's call history. The API asks for a number (sip_id), so the
// provider's side covers the numbers called from here in the period, plus any given.
class HistoryComparer final : public QObject
{
    Q_OBJECT
public:
    HistoryComparer(const CallHistory *history, ExolveClient *client, QObject *parent = nullptr);
    void start(const QDateTime &from, const QDateTime &to, const QStringList &moreNumbers = {});

    // The rows for one number: pairs by call id, then (history ids of the other kind, or our calls whose
    // outcome was unknown) by time order when both sides have as many calls, else left on their own side.
    static QList<ComparisonRow> match(const QString &number, const QList<CallRecord> &local, const QList<CallHistoryEntry> &provider);

Q_SIGNALS:
    void progress(int numbersDone, int numbersTotal);
    void finished(const vc::HistoryComparison &comparison, const QString &error);

private:
    void next();

    const CallHistory *m_history;
    ExolveClient *m_client;
    HistoryComparison m_result;
    QMap<QString, QList<CallRecord>> m_local; // by number
    QStringList m_numbers;
    int m_done = 0;
};

} // namespace vc
