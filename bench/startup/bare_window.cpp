// The floor for bench_startup: a bare Qt QMainWindow with a QTableView, the same probe as the app.
#include "startupprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *table = new QTableView(&window);
    auto *model = new QStandardItemModel(4, 3, table);
    table->setModel(model);
    window.setCentralWidget(table);
    window.setWindowTitle(QStringLiteral("Voice Console"));
    window.resize(1100, 680);
    vc::ui::StartupProbe::install(&window);
    window.show();
    return app.exec();
}
