#pragma once

// Start-up around the first frame. StartupProbe::afterFirstFrame() runs work the first frame need not
// wait for right after it. For bench/startup, with VC_STARTUP_PROBE=1 in the environment, install()
// prints "painted" on stdout once the window's first frame has been drawn and handed to the window
// system (the first expose, then the turn of the event loop that paints it); header-only, so the bare
// Qt window the benchmark compares with uses the very same probe.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLoggingCategory>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <functional>

namespace vc::ui {

// Milestones of start-up, with the time since the first one, under the logging category vc.startup
// (QT_LOGGING_RULES="vc.startup.debug=true"): what each part of start-up costs.
inline const QLoggingCategory &lcStartup()
{
    static const QLoggingCategory category("vc.startup", QtWarningMsg);
    return category;
}

inline void startupMark(const char *what)
{
    static QElapsedTimer since;
    if (!since.isValid())
        since.start();
    if (lcStartup().isDebugEnabled())
        qCDebug(lcStartup, "%7.1f ms  %s", since.nsecsElapsed() / 1e6, what);
}

class StartupProbe final : public QObject
{
public:
    // The benchmark's probe: "painted" on stdout after the first frame (VC_STARTUP_PROBE=1), and the
    // vc.startup milestone.
    static void install(QWidget *window)
    {
        if (qEnvironmentVariableIsEmpty("VC_STARTUP_PROBE") && !lcStartup().isDebugEnabled())
            return;
        watch(window, [] {
            startupMark("first frame painted");
            if (!qEnvironmentVariableIsEmpty("VC_STARTUP_PROBE")) {
                std::fputs("painted\n", stdout);
                std::fflush(stdout);
            }
        });
    }

    // Runs `then` once, right after the window's first frame (or after 300 ms if the window system
    // never exposes it, e.g. minimised): start-up work the first frame need not wait for.
    static void afterFirstFrame(QWidget *window, std::function<void()> then)
    {
        StartupProbe *waiter = watch(window, std::move(then));
        QTimer::singleShot(300, waiter, [waiter] { waiter->runThen(); });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Qt paints an exposed window in this same turn; `then` runs in the next one, right after it.
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed() && m_then)
            QTimer::singleShot(0, this, [this] { runThen(); });
        return false;
    }

private:
    using QObject::QObject;
    static StartupProbe *watch(QWidget *window, std::function<void()> then)
    {
        window->winId(); // makes the native window now, so its expose can be watched
        auto *probe = new StartupProbe(window);
        probe->m_then = std::move(then);
        window->windowHandle()->installEventFilter(probe);
        return probe;
    }
    void runThen()
    {
        if (!m_then)
            return;
        const auto then = std::move(m_then);
        m_then = nullptr;
        then();
    }
    std::function<void()> m_then;
};

} // namespace vc::ui
