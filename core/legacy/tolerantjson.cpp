#include "legacy/tolerantjson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vc::json {

namespace {

class Reader
{
public:
    explicit Reader(const QString &text) : m_s(text) {}

    std::optional<QJsonValue> document()
    {
        auto v = value(0);
        if (!v)
            return std::nullopt;
        skipSpace();
        if (m_pos != m_s.size())
            return fail(QStringLiteral("unexpected text after the value"));
        return v;
    }

    QString error() const { return m_error; }

private:
    std::nullopt_t fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 at offset %2").arg(why).arg(m_pos);
        return std::nullopt;
    }

    void skipSpace()
    {
        while (m_pos < m_s.size() && m_s.at(m_pos).isSpace())
            ++m_pos;
    }

    QChar peek() const { return m_pos < m_s.size() ? m_s.at(m_pos) : QChar(); }

    std::optional<QJsonValue> value(int depth)
    {
        if (depth > 64)
            return fail(QStringLiteral("nested too deeply"));
        skipSpace();
        const QChar c = peek();
        if (c == u'{')
            return object(depth);
        if (c == u'[')
            return array(depth);
        if (c == u'"' || c == u'\'') {
            auto s = string();
            return s ? std::optional<QJsonValue>(*s) : std::nullopt;
        }
        if (c == u'-' || c.isDigit())
            return number();
        const QString word = identifier();
        if (word == QLatin1String("true"))
            return QJsonValue(true);
        if (word == QLatin1String("false"))
            return QJsonValue(false);
        if (word == QLatin1String("null"))
            return QJsonValue(QJsonValue::Null);
        return fail(word.isEmpty() ? QStringLiteral("expected a value") : QStringLiteral("unknown word '%1'").arg(word));
    }

    QString identifier()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_s.size() && (m_s.at(m_pos).isLetterOrNumber() || m_s.at(m_pos) == u'_' || m_s.at(m_pos) == u'$'))
            ++m_pos;
        return m_s.mid(start, m_pos - start);
    }

    std::optional<QString> string()
    {
        const QChar quote = m_s.at(m_pos++);
        QString out;
        while (m_pos < m_s.size()) {
            const QChar c = m_s.at(m_pos++);
            if (c == quote)
                return out;
            if (c != u'\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_s.size())
                break;
            const QChar e = m_s.at(m_pos++);
            switch (e.unicode()) {
            case u'n': out += u'\n'; break;
            case u't': out += u'\t'; break;
            case u'r': out += u'\r'; break;
            case u'b': out += u'\b'; break;
            case u'f': out += u'\f'; break;
            case u'u': {
                if (m_pos + 4 > m_s.size())
                    return fail(QStringLiteral("short \\u escape"));
                bool ok = false;
                const ushort code = m_s.mid(m_pos, 4).toUShort(&ok, 16);
                if (!ok)
                    return fail(QStringLiteral("bad \\u escape"));
                out += QChar(code);
                m_pos += 4;
                break;
            }
            default: out += e; break; // \' \" \\ \/ and anything else: the character itself
            }
        }
        return fail(QStringLiteral("unterminated string"));
    }

    std::optional<QJsonValue> number()
    {
        const qsizetype start = m_pos;
        if (peek() == u'-')
            ++m_pos;
        bool integral = true;
        while (m_pos < m_s.size()) {
            const QChar c = m_s.at(m_pos);
            if (c.isDigit()) {
                ++m_pos;
            } else if (c == u'.' || c == u'e' || c == u'E' || ((c == u'+' || c == u'-') && m_pos > start)) {
                integral = false;
                ++m_pos;
            } else {
                break;
            }
        }
        const QString text = m_s.mid(start, m_pos - start);
        if (integral) {
            bool ok = false;
            const qlonglong v = text.toLongLong(&ok);
            if (ok && v > -(1LL << 53) && v < (1LL << 53))
                return QJsonValue(qint64(v));
            if (text.size() > 1 || text != QLatin1String("-"))
                return QJsonValue(text); // every digit kept, as a string
            return fail(QStringLiteral("bad number"));
        }
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (!ok)
            return fail(QStringLiteral("bad number '%1'").arg(text));
        return QJsonValue(d);
    }

    std::optional<QJsonValue> object(int depth)
    {
        ++m_pos; // {
        QJsonObject o;
        skipSpace();
        if (peek() == u'}') {
            ++m_pos;
            return o;
        }
        while (true) {
            skipSpace();
            QString key;
            if (peek() == u'"' || peek() == u'\'') {
                auto k = string();
                if (!k)
                    return std::nullopt;
                key = *k;
            } else {
                key = identifier();
                if (key.isEmpty())
                    return fail(QStringLiteral("expected a key"));
            }
            skipSpace();
            if (peek() != u':')
                return fail(QStringLiteral("expected ':'"));
            ++m_pos;
            auto v = value(depth + 1);
            if (!v)
                return std::nullopt;
            o.insert(key, *v);
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u'}') {
                ++m_pos;
                return o;
            }
            return fail(QStringLiteral("expected ',' or '}'"));
        }
    }

    std::optional<QJsonValue> array(int depth)
    {
        ++m_pos; // [
        QJsonArray a;
        skipSpace();
        if (peek() == u']') {
            ++m_pos;
            return a;
        }
        while (true) {
            auto v = value(depth + 1);
            if (!v)
                return std::nullopt;
            a.append(*v);
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u']') {
                ++m_pos;
                return a;
            }
            return fail(QStringLiteral("expected ',' or ']'"));
        }
    }

    QString m_s;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

std::optional<QJsonValue> parseTolerant(const QByteArray &text, QString *error)
{
    QByteArray body = text;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3); // a UTF-8 byte order mark, as some .NET services send
    Reader reader(QString::fromUtf8(body));
    auto v = reader.document();
    if (!v && error)
        *error = reader.error();
    return v;
}

} // namespace vc::json
