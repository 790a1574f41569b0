#include "ui/shell/aboutbox.h"
#include "ui/widgets/lazyicon.h"

#include <QCoreApplication>
#include <QIcon>
#include <QMessageBox>

namespace vc::ui {

namespace {
struct Component
{
    const char *name;
    QString version;
    const char *licence; // translated below
    const char *url;
};
} // namespace

void showAboutBox(QWidget *parent)
{
    // One translation context for the box: lupdate reads the literal context of every translate() call.
    const auto translated = [](const char *text) { return QCoreApplication::translate("vc::ui::AboutBox", text); };
    // The libraries linked into every Voice Console binary, with the licence each is used under.
    const Component components[] = {
        {"Qt", QString::fromLatin1(qVersion()), QT_TRANSLATE_NOOP("vc::ui::AboutBox", "GNU LGPL version 3"), "https://www.qt.io/licensing/"},
        {"QtKeychain", QString(), QT_TRANSLATE_NOOP("vc::ui::AboutBox", "BSD 2-clause licence"), "https://github.com/frankosterfeld/qtkeychain"},
        {"libphonenumber", QString(), QT_TRANSLATE_NOOP("vc::ui::AboutBox", "Apache License 2.0"), "https://github.com/google/libphonenumber"},
        {"Protocol Buffers", QString(), QT_TRANSLATE_NOOP("vc::ui::AboutBox", "BSD 3-clause licence"), "https://github.com/protocolbuffers/protobuf"},
        {"SQLite", QString(), QT_TRANSLATE_NOOP("vc::ui::AboutBox", "public domain"), "https://sqlite.org/copyright.html"},
    };
    QString rows;
    for (const Component &c : components) {
        rows += QStringLiteral("<tr><td><a href=\"%1\">%2</a>%3</td><td>&nbsp;&nbsp;%4</td></tr>")
                    .arg(QLatin1String(c.url), QLatin1String(c.name),
                         c.version.isEmpty() ? QString() : QStringLiteral(" ") + c.version, translated(c.licence));
    }
    const QString text = QCoreApplication::translate("vc::ui::AboutBox", "<h3>Voice Console %1</h3>"
                            "<p>A console for voice-message services on the Exolve Voice API and the integrationapi.net voice API.</p>"
                            "<p>Distributed under the MIT licence.</p>")
                             .arg(QStringLiteral(VC_VERSION))
        + QStringLiteral("<p><b>%1</b></p><table>%2</table><p>%3</p>")
              .arg(QCoreApplication::translate("vc::ui::AboutBox", "Built with"), rows,
                   QCoreApplication::translate("vc::ui::AboutBox", "Qt is used under the LGPL: it is linked dynamically and can be replaced. "
                      "The notices of every component are in THIRD-PARTY-NOTICES.md, installed with the program."));
    auto *box = new QMessageBox(QMessageBox::NoIcon, QCoreApplication::translate("vc::ui::AboutBox", "About Voice Console"), text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextBrowserInteraction);
    box->setIconPixmap(resourceIcon(QStringLiteral(":/voice-console.svg")).pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace vc::ui
