#include "net/httptransport.h"

#include "common/timeformats.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTimer>

#include <algorithm>

namespace vc {

// Lets a pending call (in the anonymous namespace) keep the transport's in-flight count.
class PendingCallAccess
{
public:
    static void adjust(HttpTransport *t, int delta) { t->adjustInFlight(delta); }
    static void proxyAuth(HttpTransport *t, const QString &proxy) { t->reportProxyAuthentication(proxy); }
};

namespace {

} // namespace

std::optional<qint64> HttpTransport::retryAfterMs(const QByteArray &value, bool *capped)
{
    if (capped)
        *capped = false;
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    const auto clamp = [capped](qint64 ms) {
        if (ms <= kRetryAfterMaxMs)
            return ms;
        if (capped)
            *capped = true;
        return kRetryAfterMaxMs;
    };
    // Digits only, compared before any multiplication: a huge number can never overflow.
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        QByteArrayView digits(v);
        while (digits.size() > 1 && digits.front() == '0')
            digits = digits.sliced(1);
        if (digits.size() > 7)
            return clamp(kRetryAfterMaxMs + 1);
        return clamp(digits.toLongLong() * 1000);
    }
    if (v.startsWith('-') || v.startsWith('+'))
        return std::nullopt;
    const auto when = time::parseRfc2822(QString::fromLatin1(v));
    if (!when)
        return std::nullopt;
    return clamp(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(*when)));
}

namespace {

bool worthRetrying(const AttemptResult &r)
{
    if (r.answered)
        return r.status == 429 || (r.status >= 500 && r.status <= 599);
    return r.failure == ApiError::Kind::Network || r.failure == ApiError::Kind::Timeout;
}

// One request through all its attempts. Deletes itself when done.
class PendingCall final : public QObject
{
public:
    PendingCall(HttpTransport *transport, const HttpCall &call, QObject *context,
                std::function<void(const HttpOutcome &)> done)
        : QObject(transport), m_transport(transport), m_call(call), m_context(context), m_done(std::move(done)),
          m_hasContext(context != nullptr)
    {
        m_deadlineTimer.setSingleShot(true);
        m_deadlineTimer.setTimerType(Qt::PreciseTimer);
        connect(&m_deadlineTimer, &QTimer::timeout, this, &PendingCall::onDeadline);
        m_backoffTimer.setSingleShot(true);
        connect(&m_backoffTimer, &QTimer::timeout, this, &PendingCall::startAttempt);
        m_headers = call.headers;
        m_headers.append({QByteArrayLiteral("User-Agent"), HttpTransport::userAgent()});
        if (m_hasContext)
            connect(context, &QObject::destroyed, this, [this] { abandon(); });
    }

    ~PendingCall() override { release(); }

    void begin()
    {
        m_deadline = QDeadlineTimer(m_transport->options().deadlineMs);
        m_deadlineTimer.start(m_transport->options().deadlineMs);
        startAttempt();
    }

private:
    void startAttempt()
    {
        ++m_attempts;
        const TransportOptions &o = m_transport->options();
        AttemptLimits limits{o.inactivityMs, o.maxResponseBytes, o.extraCaCertificates};
        const QNetworkProxy proxy = m_transport->proxyFor(m_call.url);
        m_proxy = proxyDisplay(proxy);
        m_attempt = new HttpAttempt(m_call, m_headers, limits, m_transport->connectionPool(), proxy, this);
        m_attemptStart = QDateTime::currentDateTimeUtc();
        m_elapsed.start();
        connect(m_attempt, &HttpAttempt::finished, this, &PendingCall::onAttemptFinished);
        m_attempt->start();
    }

    void onDeadline()
    {
        m_deadlinePassed = true;
        if (m_attempt) {
            m_attempt->abortWith(ApiError::Kind::Timeout,
                                 QStringLiteral("no complete answer within %1 ms").arg(m_transport->options().deadlineMs));
        } else if (m_backoffTimer.isActive()) {
            m_backoffTimer.stop();
            complete();
        }
    }

    void onAttemptFinished(const AttemptResult &r)
    {
        HttpAttempt *attempt = m_attempt;
        m_attempt = nullptr;
        attempt->deleteLater();
        m_last = r;
        logAttempt(r);
        if (!r.answered && r.failure == ApiError::Kind::ProxyAuth)
            PendingCallAccess::proxyAuth(m_transport, m_proxy);

        const TransportOptions &o = m_transport->options();
        if (!m_call.retriable || m_attempts >= o.maxAttempts || !worthRetrying(r) || m_deadlinePassed ||
            m_deadline.hasExpired())
            return complete();
        qint64 base = std::min<qint64>(o.backoffMaxMs, qint64(o.backoffInitialMs) << (m_attempts - 1));
        qint64 delay = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
        if (const auto after = HttpTransport::retryAfterMs(r.retryAfter)) {
            if (*after > o.retryAfterCapMs)
                return complete();
            delay = std::max(delay, *after);
        }
        if (delay >= m_deadline.remainingTime())
            return complete();
        m_backoffTimer.start(int(delay));
    }

    void logAttempt(const AttemptResult &r)
    {
        RequestLogEntry e;
        e.time = m_attemptStart;
        e.verb = m_call.verb;
        e.endpoint = m_call.logName;
        e.url = RequestLog::redactUrl(m_call.url);
        e.status = r.answered ? r.status : 0;
        if (r.answered)
            e.outcome = r.status >= 200 && r.status < 300 ? QStringLiteral("ok") : QStringLiteral("http");
        else
            e.outcome = ApiError{r.failure}.kindName();
        e.latencyMs = m_elapsed.elapsed();
        e.bytesSent = r.bytesSent;
        e.bytesReceived = r.bytesReceived;
        e.attempt = m_attempts;
        e.proxy = m_proxy;
        e.requestHeaders = m_headers;
        e.requestBody = m_call.body;
        e.responseBody = m_call.secretAnswer ? QByteArrayLiteral("***") : r.body.left(256 * 1024);
        m_transport->log()->record(std::move(e));
    }

    // The request stops counting as in flight when it completes or is abandoned, not when the object
    // is finally deleted.
    void release()
    {
        if (!m_released && m_transportGuard)
            PendingCallAccess::adjust(m_transport, -1);
        m_released = true;
    }

    void complete()
    {
        release();
        m_deadlineTimer.stop();
        if (!m_hasContext || m_context)
            m_done(HttpOutcome{m_last, m_attempts});
        deleteLater();
    }

    void abandon()
    {
        release();
        m_deadlineTimer.stop();
        m_backoffTimer.stop();
        if (m_attempt)
            m_attempt->disconnect(this);
        deleteLater();
    }

    HttpTransport *m_transport;
    QPointer<HttpTransport> m_transportGuard{m_transport};
    HttpCall m_call;
    QPointer<QObject> m_context;
    std::function<void(const HttpOutcome &)> m_done;
    bool m_hasContext;
    HeaderList m_headers;
    QDeadlineTimer m_deadline;
    QTimer m_deadlineTimer;
    bool m_deadlinePassed = false; // once the deadline fired, no attempt may start
    bool m_released = false;
    QTimer m_backoffTimer;
    HttpAttempt *m_attempt = nullptr;
    AttemptResult m_last;
    int m_attempts = 0;
    QDateTime m_attemptStart;
    QString m_proxy; // the way the current attempt went, as the log shows it
    QElapsedTimer m_elapsed;
};

} // namespace

HttpTransport::HttpTransport(QObject *parent)
    : QObject(parent), m_log(new RequestLog(this)), m_pool(new ConnectionPool(this))
{
}

HttpTransport::~HttpTransport()
{
    // Silent: nobody is told about requests that end because the transport itself goes away (a slot
    // would meet a half-destroyed transport).
    m_destroying = true;
    // Pending requests go first, while the log they write to still exists.
    const QObjectList kids = children();
    for (QObject *child : kids) {
        if (child != m_log && child != m_pool)
            delete child;
    }
}

QByteArray HttpTransport::userAgent()
{
    return QByteArrayLiteral("VoiceConsole/" VC_VERSION " (Qt ") + qVersion() + "; " +
           QSysInfo::productType().toLatin1() + ')';
}

bool HttpTransport::isAllowedUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() != QLatin1String("http"))
        return false;
    if (url.host() == QLatin1String("localhost"))
        return true; // by name here; HttpAttempt checks the address it really connected to
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

void HttpTransport::setProxyConfig(const ProxyConfig &config)
{
    m_proxy = config;
    if (!config.password.isEmpty())
        m_log->addSecret(config.password);
    if (const auto manual = ProxyConfig::parseProxy(config.manual); manual && !manual->password().isEmpty())
        m_log->addSecret(manual->password());
}

void HttpTransport::adjustInFlight(int delta)
{
    if (m_destroying)
        return;
    m_inFlight += delta;
    Q_EMIT activityChanged(m_inFlight);
}

void HttpTransport::send(const HttpCall &call, QObject *context, std::function<void(const HttpOutcome &)> done)
{
    auto *pending = new PendingCall(this, call, context, std::move(done));
    adjustInFlight(+1);
    // Start from the event loop so that a caller never sees its callback run before send() returns.
    QTimer::singleShot(0, pending, [pending] { pending->begin(); });
}

} // namespace vc
