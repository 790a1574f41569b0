#pragma once

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

#include "exolve/exolvetypes.h"

namespace vc::cli {

enum class Format { Table, Json };

// Prints data to stdout as a readable table or as one JSON document.
class Output final
{
    Q_DECLARE_TR_FUNCTIONS(Output)
public:
    explicit Output(Format format);

    Format format() const { return m_format; }
    void json(const QJsonValue &value);
    void table(const QStringList &header, const QList<QStringList> &rows);
    void fields(const QList<QPair<QString, QString>> &rows);
    void line(const QString &text);
    void error(const QString &text);
    // Text as it is to stdout (pieces of a streamed JSON document).
    void raw(const QString &text);
    // A progress line on stderr that replaces the previous one (a terminal); empty text clears it.
    void progress(const QString &text);

    void services(const QList<VoiceService> &list);
    void serviceDetails(const VoiceServiceDetails &d);
    void call(const CallInfo &c);
    void sip(const SipAttributes &s, bool showSecrets);

    // Text from a server or the command line as the terminal should see it: control characters (ESC,
    // BEL, NUL, DEL, C1, bidirectional overrides) shown as visible escapes such as \x1b, never sent raw.
    static QString printable(const QString &text, bool keepNewlines);
    // JSON text with the characters QJsonDocument leaves raw (DEL, C1, bidi controls) escaped.
    static QString escapeJson(const QString &json);

    static QString localTime(const QDateTime &utc);
    static QString callStatusLine(const CallInfo &c);

    // A device that passes CSV (or any text) on to `target` line by line with each line made printable as
    // above; line ends (LF or CRLF) are kept. For stdout: a file written with --output stays byte-exact.
    class PrintableDevice;

private:
    Format m_format;
    QTextStream m_out;
    QTextStream m_err;
};

class Output::PrintableDevice final : public QIODevice
{
public:
    explicit PrintableDevice(QIODevice *target) : m_target(target) { open(QIODevice::WriteOnly); }
    ~PrintableDevice() override { close(); }
    void close() override;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    void writeLine(QByteArrayView line);
    QIODevice *m_target;
    QByteArray m_pending; // an unfinished line (and so never a split UTF-8 sequence)
};

// A moment for a person at a terminal: "2026-12-06 14:52 MSK", in this computer's zone.
QString localWhen(const QDateTime &utc);

} // namespace vc::cli
