#pragma once

#include <QLockFile>
#include <QString>

namespace vc {

// The lock that keeps a journal to one program at a time: a QLockFile beside it (".lock"), with one more
// rule. Qt judges a lock by the process id written in it; a holder killed (kill -9, power loss) while it
// was writing that file, or while it was removing an older stale lock, leaves a file it cannot judge, and
// the journal would look in use for ever. A live holder always keeps an operating-system lock on the file,
// which the kernel drops when the process dies: when nobody has it, the lock file is abandoned and is
// replaced. (Unix; on Windows, Qt's own rule.) On Linux that OS lock is an open-file-description lock the
// holder takes on its lock file, and asking whether a journal is held only tests it (F_OFD_GETLK): a probe
// never takes anything, so it cannot make a holder's lock fail and later look abandoned.
class JournalLock final
{
public:
    explicit JournalLock(const QString &journalPath);
    ~JournalLock();
    JournalLock(const JournalLock &) = delete;
    JournalLock &operator=(const JournalLock &) = delete;

    // Takes the lock without waiting, replacing an abandoned one.
    bool tryLock();
    void unlock();
    // The holder's process id when tryLock() failed because another program holds the lock; else 0.
    qint64 holder() const { return m_holder; }

    // Whether a live program holds the journal's lock now; never waits (Unix).
    static bool isHeld(const QString &journalPath);

    // Whether no live program keeps an operating-system lock on this lock file (Unix); false elsewhere,
    // and when the file is gone.
    static bool isAbandoned(const QString &lockFile);

private:
    bool holdOsLock();

    QLockFile m_lock;
    qint64 m_holder = 0;
    int m_fd = -1; // the descriptor that keeps the OS lock (Linux)
};

} // namespace vc
