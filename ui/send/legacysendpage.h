#pragma once

#include "ui/send/capoverride.h"

#include <QWidget>

#include <memory>

namespace Ui {
class LegacySendPage;
}

namespace vc {
class CallTracker;
class Session;
} // namespace vc

namespace vc::ui {

class MessageBanner;

// Sending through integrationapi.net (2013): numbers, the audio file id, an optional schedule in local
// time (sent as UTC+3), attempts, the gap between them and DTMF collection. Sent once, never resent.
class LegacySendPage final : public QWidget
{
    Q_OBJECT
public:
    LegacySendPage(Session *session, CallTracker *tracker, MessageBanner *banner, QWidget *parent = nullptr);
    ~LegacySendPage() override;

Q_SIGNALS:
    void messageSent(const QString &messageId);
    void sendFinished(); // whatever the outcome: the balance may have changed

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void revalidate();
    void confirmAndSend();

    std::unique_ptr<Ui::LegacySendPage> m_ui;
    Session *m_session;
    CallTracker *m_tracker;
    MessageBanner *m_banner;
    bool m_sending = false;
    CapGate m_cap; // the contact policy's word before a send, and the operator's reason to call over a cap
};

} // namespace vc::ui
