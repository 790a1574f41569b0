#include "campaigns/journallock.h"

#include <QFile>
#include <QLoggingCategory>
#include <QThread>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace vc {

Q_LOGGING_CATEGORY(lcJournalLock, "vc.campaign.journal")

namespace {

QString lockFileOf(const QString &journalPath)
{
    return journalPath + QStringLiteral(".lock");
}

#ifdef Q_OS_UNIX
// Whether a live program keeps an OS lock on the file; the file's inode when nobody does (0: held or gone).
struct Probe
{
    bool held = false;
    ino_t inode = 0;
};

Probe probe(const QString &lockFile)
{
    Probe p;
    const int fd = ::open(QFile::encodeName(lockFile).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return p;
    struct stat st = {};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
        p.held = errno == EWOULDBLOCK;
    else if (::fstat(fd, &st) == 0)
        p.inode = st.st_ino; // closing the descriptor drops the lock just taken
    ::close(fd);
    return p;
}
#endif

} // namespace

JournalLock::JournalLock(const QString &journalPath) : m_lock(lockFileOf(journalPath))
{
    m_lock.setStaleLockTime(0); // stale only when its holder is gone, however long it ran
}

JournalLock::~JournalLock() = default;

bool JournalLock::isAbandoned(const QString &lockFile)
{
#ifdef Q_OS_UNIX
    const Probe first = probe(lockFile);
    if (first.inode == 0)
        return false;
    // A live program that has just made the file takes its OS lock a few microseconds later: ask again
    // after a moment, about the same file, before calling it abandoned.
    QThread::msleep(100);
    return probe(lockFile).inode == first.inode;
#else
    Q_UNUSED(lockFile)
    return false;
#endif
}

bool JournalLock::tryLock()
{
    m_holder = 0;
    if (m_lock.tryLock(0))
        return true;
    if (m_lock.error() != QLockFile::LockFailedError)
        return false;
    const QString file = m_lock.fileName();
    if (isAbandoned(file)) {
        qCInfo(lcJournalLock) << "replacing the abandoned lock" << file;
        m_lock.removeStaleLockFile();
        // What Qt leaves while it removes a stale lock, abandoned too when its maker was killed there.
        const QString rmlock = file + QStringLiteral(".rmlock");
        if (isAbandoned(rmlock))
            QFile::remove(rmlock);
        if (m_lock.tryLock(0))
            return true;
    }
    qint64 pid = 0;
    QString host, app;
    m_lock.getLockInfo(&pid, &host, &app);
    m_holder = pid;
    return false;
}

void JournalLock::unlock()
{
    m_lock.unlock();
}

bool JournalLock::isHeld(const QString &journalPath)
{
#ifdef Q_OS_UNIX
    // Asked without taking or replacing anything, and without waiting: only a live holder has the OS lock.
    return probe(lockFileOf(journalPath)).held;
#else
    JournalLock lock(journalPath);
    if (!lock.tryLock())
        return lock.m_lock.error() == QLockFile::LockFailedError;
    lock.unlock();
    return false;
#endif
}

} // namespace vc
