#include "ui/services/servicelistmodel.h"

#include <QLocale>
#include <QThreadPool>

#include <algorithm>
#include <utility>

namespace vc::ui {

ServiceListModel::ServiceListModel(QObject *parent) : QAbstractTableModel(parent) {}

namespace {
// Case folding into a buffer without a temporary string per name: ASCII and Cyrillic (nearly every
// character of a service's name and id) inline, the rest through QChar. A name with characters outside
// the BMP is folded by QString, which knows their pairs.
QChar *appendFolded(QChar *out, const QString &text)
{
    for (const QChar ch : text) {
        if (ch.isSurrogate()) {
            const QString folded = text.toCaseFolded(); // as long as the text: Qt folds one to one
            return std::copy(folded.cbegin(), folded.cend(), out);
        }
    }
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x80)
            *out++ = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 0x20) : c);
        else if (c >= 0x410 && c <= 0x42F)
            *out++ = QChar(char16_t(c + 0x20));
        else if (c >= 0x430 && c <= 0x45F)
            *out++ = ch;
        else
            *out++ = QChar(char16_t(QChar::toCaseFolded(char32_t(c))));
    }
    return out;
}
} // namespace

void ServiceListModel::setServices(QList<VoiceService> services)
{
    beginResetModel();
    // The old list (100,000 services are 300,000 strings) is freed off the UI thread.
    if (!m_services.isEmpty()) {
        QThreadPool::globalInstance()->start([old = std::exchange(m_services, {}), keys = std::exchange(m_keys, {})]() mutable {
            old.clear();
            keys.clear();
        });
    }
    m_services = std::move(services);
    qsizetype total = 0;
    for (const VoiceService &s : std::as_const(m_services))
        total += s.name.size() + s.id.size() + 2;
    m_keys.resize(total);
    m_keyStart.resize(m_services.size() + 1);
    m_nameLength.resize(m_services.size());
    m_created.resize(m_services.size());
    QChar *const begin = m_keys.data();
    QChar *out = begin;
    for (qsizetype i = 0; i < m_services.size(); ++i) {
        const VoiceService &s = m_services.at(i);
        m_keyStart[i] = out - begin;
        out = appendFolded(out, s.name);
        m_nameLength[i] = int(out - begin - m_keyStart.at(i));
        *out++ = u'\n';
        out = appendFolded(out, s.id);
        *out++ = u'\n';
        m_created[i] = s.createdAt.isValid() ? s.createdAt.toMSecsSinceEpoch() : 0;
    }
    Q_ASSERT(out - begin == m_keys.size());
    m_keyStart[m_services.size()] = m_keys.size();
    endResetModel();
}

int ServiceListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_services.size(); ++i) {
        if (m_services.at(i).id == id)
            return int(i);
    }
    return -1;
}

void ServiceListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_services.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, CreatedColumn), {Qt::DisplayRole});
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_services.size());
}

int ServiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VoiceService &s = m_services.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case IdColumn:
            return s.id;
        case CreatedColumn:
            return s.createdAt.isValid() ? QLocale().toString(s.createdAt.toLocalTime(), QLocale::ShortFormat) : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn && s.createdAt.isValid())
            return QLocale().toString(s.createdAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == NameColumn)
            return s.name;
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return foldedName(index.row()).toString();
        case IdColumn:
            return s.id;
        case CreatedColumn:
            return m_created.at(index.row());
        }
        break;
    case IdRole:
        return s.id;
    default:
        break;
    }
    return {};
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("ID");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace vc::ui
