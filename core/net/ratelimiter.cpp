#include "net/ratelimiter.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace vc {

RateLimiter::RateLimiter(int minIntervalMs, QObject *parent) : QObject(parent), m_minIntervalMs(minIntervalMs)
{
    m_clock.start();
}

qint64 RateLimiter::delayForNextMs() const
{
    return std::max<qint64>(0, m_nextSlot - m_clock.elapsed());
}

void RateLimiter::schedule(QObject *context, std::function<void()> action)
{
    const qint64 now = m_clock.elapsed();
    const qint64 at = std::max(now, m_nextSlot);
    m_nextSlot = at + m_minIntervalMs;
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    QTimer::singleShot(int(at - now), this, [hasContext, guard, action = std::move(action)] {
        if (hasContext && !guard)
            return;
        action();
    });
}

} // namespace vc
