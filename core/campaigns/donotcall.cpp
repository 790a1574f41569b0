#include "campaigns/donotcall.h"

#include "common/paths.h"

#include "accounts/settings.h"
#include "campaigns/columnmap.h"
#include "common/csv.h"
#include "common/phonenumbers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>

#include <algorithm>

namespace vc {

QString DoNotCallList::defaultPath()
{
    return ContactLedger::defaultPath();
}

QString DoNotCallList::legacyTextPath()
{
    return paths::dataFolder() + QStringLiteral("/do-not-call.txt");
}

QString DoNotCallList::reasonTitle(const QString &reason)
{
    if (reason == QLatin1String("subscriber"))
        return tr("the subscriber asked");
    if (reason == QLatin1String("operator-list"))
        return tr("a telecom operator's refusal list");
    if (reason == QLatin1String("complaint"))
        return tr("a complaint");
    if (reason == QLatin1String("other"))
        return tr("other");
    return reason;
}

bool DoNotCallList::isShared() const
{
    return QFileInfo(m_path) == QFileInfo(defaultPath());
}

Result<QList<ContactLedger::DoNotCallEvent>, StorageError> DoNotCallList::history()
{
    ContactLedger store(defaultPath());
    return store.doNotCallHistory();
}

StorageResult DoNotCallList::loadShared()
{
    ContactLedger store(m_path);
    // The text file of earlier versions, moved in once and kept beside as a backup.
    const QString old = legacyTextPath();
    if (QFile::exists(old)) {
        DoNotCallList text;
        if (auto r = text.load(old); !r)
            return r;
        if (auto r = store.changeDoNotCall(true, text.sorted(), {QStringLiteral("other"), tr("migrated from %1").arg(QFileInfo(old).fileName()), {}, {}}); !r)
            return r.error();
        QFile::remove(old + QStringLiteral(".migrated"));
        if (!QFile::rename(old, old + QStringLiteral(".migrated")))
            return StorageError{tr("The old do-not-call list %1 was copied into the store but cannot be renamed.").arg(old)};
    }
    return store.loadDoNotCall(&m_numbers);
}

StorageResult DoNotCallList::load(const QString &path)
{
    m_path = path;
    m_numbers.clear();
    m_skipped = 0;
    if (isShared())
        return loadShared();
    QFile file(path);
    if (!file.exists())
        return Empty{};
    if (!file.open(QIODevice::ReadOnly))
        return StorageError{tr("The do-not-call list %1 cannot be read: %2").arg(path, file.errorString())};
    CsvReader reader(&file);
    bool first = true;
    while (auto record = reader.next()) {
        const QString cell = record->fields.value(0).trimmed();
        if (cell.isEmpty() || cell.startsWith(u'#'))
            continue;
        if (const auto n = PhoneNumbers::normalise(cell))
            m_numbers.insert(*n);
        else if (!(first && isNumberColumnName(cell)))
            ++m_skipped;
        first = false;
    }
    if (!reader.errorString().isEmpty())
        return StorageError{tr("The do-not-call list %1 cannot be read: %2").arg(path, reader.errorString())};
    return Empty{};
}

QStringList DoNotCallList::sorted() const
{
    QStringList list(m_numbers.cbegin(), m_numbers.cend());
    std::sort(list.begin(), list.end());
    return list;
}

void DoNotCallList::merge(const DoNotCallList &other)
{
    m_numbers.unite(other.m_numbers);
}

Result<DoNotCallList::Change, StorageError> DoNotCallList::add(const QStringList &numbers, const Why &why)
{
    return update(numbers, true, why);
}

Result<DoNotCallList::Change, StorageError> DoNotCallList::remove(const QStringList &numbers, const Why &why)
{
    return update(numbers, false, why);
}

Result<DoNotCallList::Change, StorageError> DoNotCallList::update(const QStringList &numbers, bool add, const Why &why)
{
    if (m_path.isEmpty())
        m_path = defaultPath();
    if (isShared()) {
        if (!add && why.reason.trimmed().isEmpty())
            return StorageError{tr("A number leaves the do-not-call list only with a reason, kept in its history.")};
        Change change;
        QStringList normalised;
        for (const QString &input : numbers) {
            if (const auto n = PhoneNumbers::normalise(input))
                normalised.append(*n);
            else
                change.invalid.append(input);
        }
        ContactLedger store(m_path);
        const auto changed = store.changeDoNotCall(add, normalised, why);
        if (!changed)
            return changed.error();
        change.changed = changed.value();
        if (auto r = store.loadDoNotCall(&m_numbers); !r)
            return r.error();
        return change;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // The app and the CLI may change the list at the same time: read, change and write under a lock.
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(10000))
        return StorageError{tr("The do-not-call list %1 is locked by another program.").arg(m_path)};
    if (auto r = load(m_path); !r)
        return r.error();
    Change change;
    for (const QString &input : numbers) {
        const auto n = PhoneNumbers::normalise(input);
        if (!n) {
            change.invalid.append(input);
            continue;
        }
        if (add ? !m_numbers.contains(*n) : m_numbers.contains(*n)) {
            ++change.changed;
            if (add)
                m_numbers.insert(*n);
            else
                m_numbers.remove(*n);
        }
    }
    if (change.changed > 0) {
        if (auto r = save(); !r)
            return r.error();
    }
    return change;
}

StorageResult DoNotCallList::save()
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return StorageError{tr("The do-not-call list %1 cannot be written: %2").arg(m_path, file.errorString())};
    file.write("# Voice Console do-not-call list: one number per line, never called by a campaign.\n");
    for (const QString &n : sorted())
        file.write(n.toLatin1() + '\n');
    if (!file.commit())
        return StorageError{tr("The do-not-call list %1 cannot be written: %2").arg(m_path, file.errorString())};
    return Empty{};
}

Result<QStringList, StorageError> DoNotCallList::readNumbers(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return StorageError{tr("%1 cannot be read: %2").arg(path, file.errorString())};
    CsvReader reader(&file);
    auto first = reader.next();
    if (!first)
        return QStringList();
    const auto map = ColumnMap::detect(first->fields, {});
    if (!map)
        return StorageError{map.error()};
    QStringList numbers;
    std::optional<CsvRecord> record = map.value().header ? reader.next() : std::move(first);
    for (; record; record = reader.next()) {
        const QString cell = record->fields.value(map.value().number).trimmed();
        if (!cell.isEmpty() && !cell.startsWith(u'#'))
            numbers.append(cell);
    }
    return numbers;
}

} // namespace vc
