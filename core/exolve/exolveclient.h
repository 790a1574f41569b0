#pragma once

#include "exolve/exolveerrors.h"
#include "exolve/exolvetypes.h"
#include "net/httptransport.h"
#include "common/result.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace vc {

template <typename T>
using Callback = std::function<void(const Result<T> &)>;

// A typed client for the eight Exolve methods. Every method checks its input first (no request goes out
// with an invalid field), then answers through `done` on `context`, never synchronously.
class ExolveClient final : public QObject
{
    Q_OBJECT
public:
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://api.exolve.ru")); }

    explicit ExolveClient(HttpTransport *transport, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setApiKey(const QString &key);
    HttpTransport *transport() const { return m_transport; }

    void listServices(QObject *context, Callback<QList<VoiceService>> done);
    void serviceInfo(const QString &id, QObject *context, Callback<VoiceServiceDetails> done);
    void createService(const NewVoiceService &service, QObject *context, Callback<QString> done);
    void deleteService(const QString &id, QObject *context, Callback<Empty> done);
    // Places a paid call. Sent exactly once; when its fate is unknown the error says so (outcomeUnknown).
    void makeVoiceMessage(const VoiceCallRequest &call, QObject *context, Callback<QString> done);
    void callInfo(const QString &callId, QObject *context, Callback<CallInfo> done);
    void sipAttributes(quint64 sipResourceId, QObject *context, Callback<SipAttributes> done);
    // One page of statistics/call-history/v1/GetList (a read: repeated on 429 after Retry-After like the
    // others).
    void callHistoryPage(const CallHistoryQuery &query, QObject *context, Callback<QList<CallHistoryEntry>> done);
    // Every call the history holds for the query, page after page (query.limit each, from offset 0)
    // until a short page; at most `maxCalls` (more is an error: narrow the period).
    void callHistory(CallHistoryQuery query, QObject *context, Callback<QList<CallHistoryEntry>> done, int maxCalls = 10000);

    // Deletes services one after another, never in parallel (each changes state): `starting` before each
    // request, `each` with its result, `finished` at the end. With stopWhenUnreachable, a network, TLS or
    // timeout failure ends the batch (the rest would fail the same way); `finished` then gets false.
    struct DeleteSteps
    {
        std::function<void(int index, const QString &id)> starting;
        std::function<void(const QString &id, const Result<Empty> &result)> each;
        std::function<void(bool complete)> finished;
        bool stopWhenUnreachable = false;
    };
    void deleteServices(const QStringList &ids, QObject *context, DeleteSteps steps);

    // The error for a request that could not even be sent (bad address, missing key, invalid field).
    std::optional<ApiError> configurationError() const;

private:
    template <typename T>
    void send(ExolveMethod method, const QByteArray &body, QObject *context, Callback<T> done,
              std::function<Result<T>(const QByteArray &)> decode);
    template <typename T>
    void failSoon(QObject *context, Callback<T> done, ApiError error);

    HttpTransport *m_transport;
    QUrl m_baseUrl = defaultBaseUrl();
    QString m_apiKey;
};

} // namespace vc
