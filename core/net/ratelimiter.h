#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>

namespace vc {

// Spaces actions at least minIntervalMs apart, in the order they were asked for, without blocking:
// each runs from the event loop at its slot, unless its context is gone by then.
class RateLimiter final : public QObject
{
    Q_OBJECT
public:
    explicit RateLimiter(int minIntervalMs, QObject *parent = nullptr);

    void setMinIntervalMs(int ms) { m_minIntervalMs = ms; }
    int minIntervalMs() const { return m_minIntervalMs; }
    // Runs `action` at the next free slot (at once when the last one was long enough ago). `context`
    // may be null: then the action always runs.
    void schedule(QObject *context, std::function<void()> action);
    // How long an action scheduled now would wait.
    qint64 delayForNextMs() const;

private:
    int m_minIntervalMs;
    QElapsedTimer m_clock;
    qint64 m_nextSlot = 0;
};

} // namespace vc
