// Prints how long a 100,000-service GetList answer takes to decode and load into the services table
// (model and its sorted view), next to a bare QJsonDocument::fromJson of the same bytes in the same run,
// and the time per filter keystroke with the real table view on screen (offscreen platform). Figures
// only: no pass or fail.
#include "exolve/exolvecodec.h"
#include "ui/services/servicefilterproxy.h"
#include "ui/services/servicelistmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTableView>
#include <QTextStream>

#include <algorithm>

namespace {
QByteArray makeAnswer(int count)
{
    QByteArray body = R"({"voice_message_list":[)";
    body.reserve(count * 110);
    const char *names[] = {"Напоминание о записи", "Delivery notification", "Оплата просрочена", "Survey", "Акция недели"};
    for (int i = 0; i < count; ++i) {
        if (i)
            body += ',';
        body += R"({"id":")" + QByteArray::number(0x10000000 + i, 16) + "-5468-418f-8592-b1d2127ad36b" + R"(","name":")" +
                names[i % 5] + ' ' + QByteArray::number(i) + R"(","created_at":"2025-03-14T09:30:00.567Z"})";
    }
    body += "]}";
    return body;
}

// A table view asks for the row count and the data of the rows on screen.
void touchVisibleRows(const QAbstractItemModel &model)
{
    const int rows = std::min(model.rowCount(), 40);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            (void)model.index(r, c).data();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const QByteArray answer = makeAnswer(count);
    out << "services: " << count << ", answer: " << answer.size() / 1024 << " KiB\n";

    // The table as the Services page has it: sorted by creation time, newest first.
    vc::ui::ServiceListModel model;
    vc::ui::ServiceFilterProxy proxy(&model);
    proxy.sort(vc::ui::ServiceListModel::CreatedColumn, Qt::DescendingOrder);

    // Alternating runs, so that both see the same machine.
    QList<double> bare, decode, load;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer t;
        t.start();
        volatile bool ok = !QJsonDocument::fromJson(answer).isNull();
        (void)ok;
        bare.append(t.nsecsElapsed() / 1e6);
        t.restart();
        auto decoded = vc::codec::decodeServiceList(answer);
        decode.append(t.nsecsElapsed() / 1e6);
        t.restart();
        model.setServices(std::move(decoded.value()));
        touchVisibleRows(proxy);
        load.append(t.nsecsElapsed() / 1e6);
    }
    const auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    };
    QList<double> total;
    for (int i = 0; i < decode.size(); ++i)
        total.append(decode.at(i) + load.at(i));
    const double floor = median(bare);
    out << "QJsonDocument::fromJson (the floor):   " << QString::number(floor, 'f', 1) << " ms\n";
    out << "decodeServiceList (simdjson):          " << QString::number(median(decode), 'f', 1) << " ms ("
        << QString::number(median(decode) / floor, 'f', 2) << "x)\n";
    out << "model + sorted view load:              " << QString::number(median(load), 'f', 1) << " ms\n";
    out << "decode + model load:                   " << QString::number(median(total), 'f', 1) << " ms ("
        << QString::number(median(total) / floor, 'f', 2) << "x the floor)\n";

    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(vc::ui::ServiceListModel::CreatedColumn, Qt::DescendingOrder);
    view.resize(900, 600);
    view.show();
    QCoreApplication::processEvents();
    view.selectRow(0);
    const QString typed = QStringLiteral("просрочена 123");
    QList<double> perKey;
    int rowsLeft = 0;
    double clearMs = 0;
    for (int round = 0; round < 3; ++round) {
        for (int i = 1; i <= typed.size(); ++i) {
            QElapsedTimer t;
            t.start();
            proxy.setFilterText(typed.left(i));
            view.viewport()->repaint(); // the view re-lays out and paints the rows now shown
            perKey.append(t.nsecsElapsed() / 1e6);
            if (qEnvironmentVariableIsSet("VC_BENCH_VERBOSE"))
                out << "  " << typed.left(i) << ": " << perKey.last() << " ms, " << proxy.rowCount() << " rows\n";
        }
        rowsLeft = proxy.rowCount();
        QElapsedTimer t;
        t.start();
        proxy.setFilterText(QString());
        view.viewport()->repaint();
        clearMs = std::max(clearMs, t.nsecsElapsed() / 1e6);
    }
    std::sort(perKey.begin(), perKey.end());
    out << "filter per keystroke (\"" << typed << "\", sorted table on screen): median "
        << QString::number(perKey.at(perKey.size() / 2), 'f', 1) << " ms, worst " << QString::number(perKey.last(), 'f', 1)
        << " ms, rows left " << rowsLeft << "\n";
    out << "clearing the filter (all rows back, sorted): worst " << QString::number(clearMs, 'f', 1) << " ms\n";
    return 0;
}
