#pragma once

#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

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

Q_SIGNALS:
    void messageSent(const QString &messageId);
    void sendFinished(); // whatever the outcome: the balance may have changed

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void revalidate();
    void confirmAndSend();

    Session *m_session;
    CallTracker *m_tracker;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QLineEdit *m_source;
    QLineEdit *m_destination;
    QLineEdit *m_fileId;
    QCheckBox *m_scheduled;
    QDateTimeEdit *m_when;
    QSpinBox *m_retries;
    QSpinBox *m_gap;
    QCheckBox *m_dtmf;
    QLabel *m_hint;
    QPushButton *m_send;
    QLabel *m_result;
    QList<QLabel *> m_labels;
    bool m_sending = false;
};

} // namespace vc::ui
