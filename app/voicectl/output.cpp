#include "output.h"

#include "exolve/exolvecodec.h"
#include "common/jsoncodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace vc::cli {

Output::Output(Format format) : m_format(format), m_out(stdout), m_err(stderr)
{
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

namespace {
bool isBidiControl(char16_t c)
{
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}
} // namespace

QString Output::printable(const QString &text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == u'\n' && keepNewlines)
            out += ch;
        else if (c < 0x20 || c == 0x7f)
            out += QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'));
        else if ((c >= 0x80 && c <= 0x9f) || isBidiControl(c))
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

qint64 Output::PrintableDevice::writeData(const char *data, qint64 size)
{
    m_pending.append(data, size);
    qsizetype start = 0;
    for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
        writeLine(QByteArrayView(m_pending).sliced(start, nl - start));
        start = nl + 1;
    }
    m_pending.remove(0, start);
    if (m_pending.size() > 1024 * 1024) { // one endless line: escaped in pieces (a sequence may split)
        m_target->write(printable(QString::fromUtf8(m_pending), false).toUtf8());
        m_pending.clear();
    }
    return size;
}

void Output::PrintableDevice::writeLine(QByteArrayView line)
{
    const bool crlf = line.endsWith('\r');
    if (crlf)
        line.chop(1);
    m_target->write(printable(QString::fromUtf8(line), false).toUtf8() + (crlf ? "\r\n" : "\n"));
}

void Output::PrintableDevice::close()
{
    if (isOpen() && !m_pending.isEmpty()) {
        const bool crlf = m_pending.endsWith('\r');
        m_target->write(printable(QString::fromUtf8(crlf ? m_pending.chopped(1) : m_pending), false).toUtf8());
        m_pending.clear();
    }
    QIODevice::close();
}

QString Output::escapeJson(const QString &json)
{
    QString out;
    out.reserve(json.size());
    for (const QChar ch : json) {
        const char16_t c = ch.unicode();
        // These can only stand inside strings (the structure is ASCII), where \uXXXX is their JSON form.
        if (c == 0x7f || (c >= 0x80 && c <= 0x9f) || isBidiControl(c))
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

void Output::json(const QJsonValue &value)
{
    const QByteArray text = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    m_out << escapeJson(QString::fromUtf8(text));
    m_out.flush();
}

void Output::table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths(header.size(), 0);
    for (qsizetype i = 0; i < header.size(); ++i)
        widths[i] = header[i].size();
    QList<QStringList> cleanRows;
    cleanRows.reserve(rows.size());
    for (const QStringList &row : rows) {
        QStringList clean;
        for (const QString &cell : row)
            clean.append(printable(cell, false));
        cleanRows.append(clean);
    }
    for (const QStringList &row : std::as_const(cleanRows)) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    const auto print = [&](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i)
            line += i + 1 == cells.size() ? cells[i] : cells[i].leftJustified(widths[i] + 2);
        m_out << line << '\n';
    };
    print(header);
    for (const QStringList &row : std::as_const(cleanRows))
        print(row);
    m_out.flush();
}

void Output::fields(const QList<QPair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    for (const auto &[name, value] : rows)
        m_out << QString(name + u':').leftJustified(width + 2) << printable(value, false) << '\n';
    m_out.flush();
}

void Output::line(const QString &text)
{
    m_out << printable(text, true) << '\n';
    m_out.flush();
}

void Output::raw(const QString &text)
{
    m_out << escapeJson(text);
    m_out.flush();
}

void Output::progress(const QString &text)
{
    // Clear the line, then write: "\r" + the text + erase to the end of the line.
    m_err << '\r' << printable(text, false) << "\x1b[K";
    if (text.isEmpty())
        m_err << '\r';
    m_err.flush();
}

void Output::error(const QString &text)
{
    m_err << printable(text, true) << '\n';
    m_err.flush();
}

QString Output::localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString Output::callStatusLine(const CallInfo &c)
{
    return tr("%1  %2").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")), c.status);
}

void Output::services(const QList<VoiceService> &list)
{
    if (m_format == Format::Json) {
        QJsonArray array;
        for (const VoiceService &s : list)
            array.append(codec::toJson(s));
        json(array);
        return;
    }
    if (list.isEmpty()) {
        line(tr("No voice-message services yet. Create one with: voicectl services create"));
        return;
    }
    QList<QStringList> rows;
    for (const VoiceService &s : list)
        rows.append({s.id, s.name, localTime(s.createdAt)});
    table({tr("ID"), tr("NAME"), tr("CREATED")}, rows);
    line(tr("%n service(s)", nullptr, int(list.size())));
}

void Output::serviceDetails(const VoiceServiceDetails &d)
{
    if (m_format == Format::Json)
        return json(codec::toJson(d));
    fields({{tr("ID"), d.id},
            {tr("Name"), d.name},
            {tr("Redirect digit"), QString::number(d.digit)},
            {tr("Redirect number"), d.redirectNumber},
            {tr("Media ID"), json::uint64ToString(d.mediaId)},
            {tr("Created"), localTime(d.createdAt)}});
}

void Output::call(const CallInfo &c)
{
    if (m_format == Format::Json)
        return json(codec::toJson(c));
    const auto seconds = [](const std::optional<qint32> &v) {
        return v ? tr("%n second(s)", nullptr, *v) : QStringLiteral("—");
    };
    fields({{tr("Call ID"), c.callId},
            {tr("Status"), c.status},
            {tr("Final"), c.isFinal() ? tr("yes") : tr("no")},
            {tr("Direction"), c.direction},
            {tr("Source"), c.source},
            {tr("Destination"), c.destination},
            {tr("Created"), localTime(c.created)},
            {tr("Started"), localTime(c.started)},
            {tr("Ended"), localTime(c.ended)},
            {tr("Duration"), seconds(c.duration)},
            {tr("Answer timeout"), seconds(c.timeout)}});
}

void Output::sip(const SipAttributes &s, bool showSecrets)
{
    if (m_format == Format::Json)
        return json(codec::toJson(s, showSecrets));
    const QLocale locale;
    const auto fee = [&locale](const std::optional<double> &v) {
        return v ? locale.toString(*v, 'f', 2) : QStringLiteral("—");
    };
    fields({{tr("SIP resource ID"), json::uint64ToString(s.sipResourceId)},
            {tr("Application"), s.applicationUuid},
            {tr("Name"), s.sipName},
            {tr("Description"), s.description},
            {tr("Number"), s.numberCode ? json::uint64ToString(*s.numberCode) : QStringLiteral("—")},
            {tr("Login"), s.login},
            {tr("Password"), showSecrets ? s.password : tr("******** (use --show-secrets to reveal)")},
            {tr("Username"), s.username},
            {tr("Domain"), s.domain},
            {tr("Install fee"), fee(s.installFee)},
            {tr("Subscription fee"), fee(s.subscriptionFee)}});
}

QString localWhen(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
}

} // namespace vc::cli
