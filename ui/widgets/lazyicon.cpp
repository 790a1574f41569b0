#include "ui/widgets/lazyicon.h"

#include <QApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

#include <memory>

namespace vc::ui {

namespace {
// Holds how to make the icon; the real one is made on the first draw, shared by every copy.
class LazyIconEngine final : public QIconEngine
{
public:
    explicit LazyIconEngine(std::function<QIcon()> make) : m_loaded(std::make_shared<Loaded>())
    {
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
    bool isNull() override { return !m_loaded->make; }
    QString key() const override { return QStringLiteral("vc-lazy-resource"); }
    QIconEngine *clone() const override { return new LazyIconEngine(*this); }

private:
    struct Loaded
    {
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
// A resource SVG drawn with one QSvgRenderer, parsed the first time the icon is drawn and kept: Qt's
// own SVG icon engine (a plugin) parses the file again for every size, mode and size query, some thirty
// parses for the dozen icons of the first frame. Each size is rendered once; the disabled look is the
// style's, as for any icon.
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(QString path) : m_data(std::make_shared<Data>()) { m_data->path = std::move(path); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QSize pixels = (QSizeF(size) * scale).toSize();
        if (pixels.isEmpty())
            return {};
        const bool disabled = mode == QIcon::Disabled;
        const quint64 key = (quint64(pixels.width()) << 32) | (quint64(pixels.height()) << 1) | (disabled ? 1 : 0);
        if (const auto it = m_data->rendered.constFind(key); it != m_data->rendered.cend())
            return *it;
        QPixmap pm(pixels);
        pm.fill(Qt::transparent);
        if (!m_data->renderer) // once per path for the whole program
            m_data->renderer = std::make_unique<QSvgRenderer>(m_data->path);
        {
            QPainter p(&pm);
            m_data->renderer->render(&p, QRectF(QPointF(0, 0), QSizeF(pixels)));
        }
        if (disabled) {
            QStyleOption option;
            option.palette = QGuiApplication::palette();
            pm = QApplication::style()->generatedIconPixmap(QIcon::Disabled, pm, &option);
        }
        pm.setDevicePixelRatio(scale);
        m_data->rendered.insert(key, pm);
        return pm;
    }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; } // square, scalable
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override { return {}; }
    QString iconName() override { return m_data->path; }
    bool isNull() override { return m_data->path.isEmpty(); }
    QString key() const override { return QStringLiteral("vc-svg-resource"); }
    QIconEngine *clone() const override { return new SvgIconEngine(*this); }

private:
    struct Data
    {
        QString path;
        std::unique_ptr<QSvgRenderer> renderer;
        QHash<quint64, QPixmap> rendered;
    };
    SvgIconEngine(const SvgIconEngine &other) = default;
    std::shared_ptr<Data> m_data;
};
} // namespace

namespace {
// The icons made so far, emptied when the application ends (their pixmaps go before the GUI does). Used from the UI thread only, where icons are made and drawn.
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
        it = icons.insert(path, QIcon(new SvgIconEngine(path)));
    return *it;
}

QIcon lazyIcon(std::function<QIcon()> make)
{
    return QIcon(new LazyIconEngine(std::move(make)));
}

} // namespace vc::ui
