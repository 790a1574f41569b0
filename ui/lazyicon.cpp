#include "lazyicon.h"

#include <QCoreApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>

#include <memory>

namespace vc::ui {

namespace {
// Holds how to make the icon (a resource path, say); the real icon (and its SVG parse) is made on the
// first draw, shared by every copy.
class LazyIconEngine final : public QIconEngine
{
public:
    LazyIconEngine(QString name, std::function<QIcon()> make) : m_loaded(std::make_shared<Loaded>())
    {
        m_loaded->path = std::move(name);
        m_loaded->make = std::move(make);
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override { return icon().availableSizes(mode, state); }
    QString iconName() override { return m_loaded->path; }
    bool isNull() override { return !m_loaded->make; }
    QString key() const override { return QStringLiteral("vc-lazy-resource"); }
    QIconEngine *clone() const override { return new LazyIconEngine(*this); }

private:
    struct Loaded
    {
        QString path;
        std::function<QIcon()> make;
        QIcon icon;
        bool done = false;
    };
    LazyIconEngine(const LazyIconEngine &other) = default;
    QIcon &icon()
    {
        if (!m_loaded->done) {
            m_loaded->icon = m_loaded->make();
            m_loaded->done = true;
        }
        return m_loaded->icon;
    }
    std::shared_ptr<Loaded> m_loaded;
};
} // namespace

namespace {
// The icons made so far, emptied when the application ends (before Qt unloads the SVG plugin their
// engines come from). Used from the UI thread only, where icons are made and drawn.
QHash<QString, QIcon> &made()
{
    static QHash<QString, QIcon> icons;
    static const bool cleared = [] {
        qAddPostRoutine([] { made().clear(); });
        return true;
    }();
    Q_UNUSED(cleared);
    return icons;
}
} // namespace

QIcon resourceIcon(const QString &path)
{
    QHash<QString, QIcon> &icons = made();
    auto it = icons.find(path);
    if (it == icons.end())
        it = icons.insert(path, QIcon(new LazyIconEngine(path, [path] { return QIcon(path); })));
    return *it;
}

QIcon lazyIcon(std::function<QIcon()> make)
{
    return QIcon(new LazyIconEngine(QString(), std::move(make)));
}

} // namespace vc::ui
