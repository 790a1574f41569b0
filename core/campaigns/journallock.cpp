#include "campaigns/journallock.h"

#include <QFile>
#include <QLoggingCategory>
#include <QThread>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
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

#ifdef F_OFD_GETLK
// Linux: the holder keeps an open-file-description write lock on its lock file (taken right after the
// file is made, released by the kernel when the holder dies). The probe only asks (F_OFD_GETLK): it
// never takes a lock, so it can never be what makes the holder's own lock fail — the race in which a
// probe briefly held the file between another program's exclusive create and its lock, and that
// program's lock was later judged abandoned. Open-file-description locks also survive other descriptors
// of the same file being closed in the holder (unlike process-wide fcntl locks).
Probe probe(const QString &lockFile)
{
    Probe p;
    const int fd = ::open(QFile::encodeName(lockFile).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return p;
    struct flock fl = {};
    fl.l_type = F_RDLCK; // would a reader be refused? only by a holder's write lock
    fl.l_whence = SEEK_SET;
    struct stat st = {};
    if (::fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
        p.held = true;
    else if (::fstat(fd, &st) == 0)
        p.inode = st.st_ino;
    ::close(fd);
    return p;
}

// The holder's side: a write lock on its lock file through a descriptor it keeps until unlock().
int holdFile(const QString &lockFile)
{
    const int fd = ::open(QFile::encodeName(lockFile).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct flock fl = {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    if (::fcntl(fd, F_OFD_SETLK, &fl) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}
#else
// Elsewhere (macOS, BSD): the holder's flock, which QLockFile takes; the probe takes it for a moment
// (so there the race above remains possible, if unlikely).
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
#endif

} // namespace

JournalLock::JournalLock(const QString &journalPath) : m_lock(lockFileOf(journalPath))
{
    m_lock.setStaleLockTime(0); // stale only when its holder is gone, however long it ran
}

JournalLock::~JournalLock()
{
    unlock();
}

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
        return holdOsLock();
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
            return holdOsLock();
    }
    qint64 pid = 0;
    QString host, app;
    m_lock.getLockInfo(&pid, &host, &app);
    m_holder = pid;
    return false;
}

bool JournalLock::holdOsLock()
{
#if defined(Q_OS_UNIX) && defined(F_OFD_SETLK)
    m_fd = holdFile(m_lock.fileName());
    if (m_fd < 0) {
        qCWarning(lcJournalLock) << "cannot lock" << m_lock.fileName() << ::strerror(errno);
        m_lock.unlock();
        return false;
    }
#endif
    return true;
}

void JournalLock::unlock()
{
    if (!m_lock.isLocked())
        return;
    m_lock.unlock(); // removes the file first: nobody sees it without its OS lock
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(m_fd);
#endif
    m_fd = -1;
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
