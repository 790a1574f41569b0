#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QToolButton;
class QPushButton;

namespace vc::ui {

// The window's inline message line (never a modal box): an icon, the message, the server's own words
// on demand, and an optional action such as Retry.
class MessageBanner final : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    // `actionText` empty: no action button. `details` is shown as a tooltip and via "Details".
    void showMessage(Level level, const QString &text, const QString &details = {}, const QString &actionText = {},
                     std::function<void()> action = {});
    void clear();
    Level level() const { return m_level; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    static QString levelName(Level level);

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
    std::function<void()> m_callback;
    Level m_level = Level::Info;
};

} // namespace vc::ui
