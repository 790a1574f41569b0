#pragma once

#include "exolve/exolvetypes.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QTimer;

namespace vc {
class Session;
}

namespace Ui {
class SipPage;
}

namespace vc::ui {

class MessageBanner;

// Looks up a SIP account's attributes. The password stays masked unless revealed; copying it puts it on
// the clipboard for 30 seconds, then the clipboard is cleared if it still holds it.
class SipPage final : public QWidget
{
    Q_OBJECT
public:
    SipPage(Session *session, MessageBanner *banner, QWidget *parent = nullptr);
    ~SipPage() override;

    void lookUp();
    void setClipboardClearDelay(int ms) { m_clearDelayMs = ms; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showAttributes(const SipAttributes &sip);
    void copyPassword();

    std::unique_ptr<Ui::SipPage> m_ui;
    Session *m_session;
    MessageBanner *m_banner;
    QList<QLabel *> m_values;
    QAction *m_reveal;
    QAction *m_copy;
    QTimer *m_clipboardTimer;
    QString m_copied;
    int m_clearDelayMs = 30000;
    quint64 m_request = 0;
};

} // namespace vc::ui
