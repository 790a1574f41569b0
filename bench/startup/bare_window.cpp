// The floor for bench_startup: a bare Qt QMainWindow with a QTableView, the same probe as the app.
#include "ui/shell/startupprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsEmpty("TMP_EXIT_MAIN")) return 0;
    vc::ui::startupMark("main");
    QApplication app(argc, argv);
    vc::ui::startupMark("QApplication");
    QMainWindow window;
    auto *table = new QTableView(&window);
    auto *model = new QStandardItemModel(4, 3, table);
    table->setModel(model);
    window.setCentralWidget(table);
    window.setWindowTitle(QStringLiteral("Voice Console"));
    window.resize(1100, 680);
    vc::ui::startupMark("built");
    vc::ui::StartupProbe::install(&window);
    window.show();
    vc::ui::startupMark("shown");
    return app.exec();
}
