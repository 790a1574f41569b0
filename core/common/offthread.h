#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>

namespace vc {

// Runs `work` on the global thread pool and hands its result to `deliver` on `context`'s thread -- not at
// all when `context` is gone by then. For work that may wait on a network server (the team store), so
// that the window's thread never does. `work` must not touch `context`: it runs on another thread, with
// its own database connections. With `offThread` false both run here and now (this computer's files:
// answered at once, and the caller sees the result before it returns).
template <typename T>
void runOffThread(QObject *context, std::function<T()> work, std::function<void(const T &)> deliver, bool offThread = true)
{
    if (!offThread) {
        const T result = work();
        deliver(result);
        return;
    }
    QThreadPool::globalInstance()->start([context = QPointer<QObject>(context), work = std::move(work), deliver = std::move(deliver)] {
        T result = work();
        if (!context)
            return;
        QMetaObject::invokeMethod(
            context.data(),
            [context, result, deliver] {
                if (context)
                    deliver(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace vc
