#pragma once

#include "exolve/exolvetypes.h"

#include "ui/send/capoverride.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

namespace vc {
class CallTracker;
class Session;
} // namespace vc

namespace Ui {
class SendPage;
}

namespace vc::ui {

class MessageBanner;

// Sending a voice message: source (remembered), destination, service, each checked and normalised as
// typed; a confirmation that says what will happen; then exactly one request. A lost answer is
// reported as "may have been placed" and recorded, never retried.
class SendPage final : public QWidget
{
    Q_OBJECT
public:
    SendPage(Session *session, CallTracker *tracker, MessageBanner *banner, QSettings *settings, QWidget *parent = nullptr);
    ~SendPage() override;

    void setPageActive(bool active);
    void reloadServices();
    void loadServicesSoon();

Q_SIGNALS:
    void callPlaced(const QString &callId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void revalidate();
    void confirmAndSend();
    void rememberSource(const QString &number);
    // The banner's "Ask Exolve" after a send whose outcome is unknown: its call history is asked.
    void askExolve(const QString &destination);

    std::unique_ptr<Ui::SendPage> m_ui;
    Session *m_session;
    CallTracker *m_tracker;
    MessageBanner *m_banner;
    QSettings *m_settings;
    QComboBox *m_source;      // the form's widgets most used, by their roles
    QLineEdit *m_destination;
    QComboBox *m_service;
    bool m_sending = false;
    CapGate m_cap; // the contact policy's word before a send, and the operator's reason to call over a cap
    bool m_pageActive = false;
    bool m_servicesLoaded = false;
    bool m_loadQueued = false;
    quint64 m_servicesRequest = 0; // the request under way, 0 when none; an older profile's answer is dropped
};

} // namespace vc::ui
