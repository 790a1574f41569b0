#include "common/validation.h"
#include "exolve/exolvevalidation.h"

#include <QTest>

using namespace vc;

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redirectNumberLengthBoundaries_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::newRow("8 characters") << QStringLiteral("12345678") << false;
        QTest::newRow("9 characters") << QStringLiteral("123456789") << true;
        QTest::newRow("14 characters") << QStringLiteral("12345678901234") << true;
        QTest::newRow("15 characters") << QStringLiteral("123456789012345") << false;
        QTest::newRow("plus counts: 9") << QStringLiteral("+12345678") << true;
        QTest::newRow("plus counts: 8") << QStringLiteral("+1234567") << false;
        QTest::newRow("letters") << QStringLiteral("12345abcd") << false;
        QTest::newRow("inner plus") << QStringLiteral("1234+56789") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void redirectNumberLengthBoundaries()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        const auto checked = ExolveValidation::redirectNumber(input);
        QCOMPARE(checked.ok(), valid);
        QCOMPARE(checked.message().isEmpty(), valid);
    }

    void redirectNumberIsNormalisedWhenItIsAPhoneNumber()
    {
        QCOMPARE(ExolveValidation::redirectNumber(QStringLiteral("+7 (926) 999-99-99")).value(), QStringLiteral("79269999999"));
        QCOMPARE(ExolveValidation::redirectNumber(QStringLiteral("8 926 999 99 99")).value(), QStringLiteral("79269999999"));
    }

    void digitBoundaries_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("expected"); // -1: rejected
        QTest::newRow("-1") << QStringLiteral("-1") << -1;
        QTest::newRow("0") << QStringLiteral("0") << 0;
        QTest::newRow("9") << QStringLiteral("9") << 9;
        QTest::newRow("10") << QStringLiteral("10") << -1;
        QTest::newRow("empty defaults to 0") << QString() << 0;
        QTest::newRow("letter") << QStringLiteral("a") << -1;
        QTest::newRow("arabic-indic digit") << QStringLiteral("\u0663") << -1;
    }
    void digitBoundaries()
    {
        QFETCH(QString, input);
        QFETCH(int, expected);
        const auto checked = ExolveValidation::digit(input);
        if (expected < 0) {
            QVERIFY(!checked.ok());
            QVERIFY(!checked.message().isEmpty());
        } else {
            QVERIFY(checked.ok());
            QCOMPARE(int(checked.value()), expected);
        }
    }

    void mediaIdRange()
    {
        QVERIFY(!ExolveValidation::mediaId(QStringLiteral("0")).ok());
        QCOMPARE(ExolveValidation::mediaId(QStringLiteral("1")).value(), quint64(1));
        QCOMPARE(ExolveValidation::mediaId(QStringLiteral("18446744073709551615")).value(), Q_UINT64_C(18446744073709551615));
        QVERIFY(!ExolveValidation::mediaId(QStringLiteral("18446744073709551616")).ok());
        QVERIFY(!ExolveValidation::mediaId(QStringLiteral("-5")).ok());
        QVERIFY(!ExolveValidation::mediaId(QStringLiteral("1.5")).ok());
        QVERIFY(!ExolveValidation::mediaId(QString()).ok());
    }

    void nameMustNotBeBlank()
    {
        QVERIFY(!ExolveValidation::serviceName(QStringLiteral("   ")).ok());
        QVERIFY(!ExolveValidation::serviceName(QString()).ok());
        QCOMPARE(ExolveValidation::serviceName(QStringLiteral("  Напоминание ")).value(), QStringLiteral("Напоминание"));
        QVERIFY(!ExolveValidation::serviceName(QString(256, u'x')).ok());
    }

    void phoneNumbersAreNormalised_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("international formatted") << QStringLiteral("+7 (926) 999-99-99") << QStringLiteral("79269999999");
        QTest::newRow("national with 8") << QStringLiteral("8 926 999 99 99") << QStringLiteral("79269999999");
        QTest::newRow("bare digits") << QStringLiteral("79269999999") << QStringLiteral("79269999999");
        QTest::newRow("moscow landline") << QStringLiteral("+7 495 999-99-99") << QStringLiteral("74959999999");
        QTest::newRow("foreign number") << QStringLiteral("+44 20 7946 0958") << QStringLiteral("442079460958");
    }
    void phoneNumbersAreNormalised()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto checked = Validation::phoneNumber(input);
        QVERIFY2(checked.ok(), qPrintable(checked.message()));
        QCOMPARE(checked.value(), expected);
    }

    void invalidPhoneNumbersAreRejected()
    {
        for (const QString &bad : {QStringLiteral("12345"), QStringLiteral("hello"), QString(), QStringLiteral("+7 926"),
                                   QStringLiteral("8 000 000 00 00")}) {
            const auto checked = Validation::phoneNumber(bad);
            QVERIFY2(!checked.ok(), qPrintable(bad));
            QVERIFY(!checked.message().isEmpty());
        }
    }

    void sipResourceIdIsUint64()
    {
        QCOMPARE(ExolveValidation::sipResourceId(QStringLiteral("18446744073709551615")).value(), Q_UINT64_C(18446744073709551615));
        QVERIFY(!ExolveValidation::sipResourceId(QStringLiteral("abc")).ok());
        QVERIFY(!ExolveValidation::sipResourceId(QStringLiteral("-1")).ok());
    }

    void newServiceNamesTheFirstBadField()
    {
        const auto bad = ExolveValidation::newService(QStringLiteral("ok"), QStringLiteral("1"), QStringLiteral("10"),
                                                      QStringLiteral("79269999999"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("digit"));
        QCOMPARE(bad.error().kind, ApiError::Kind::Validation);
        QVERIFY(!bad.error().explanation.isEmpty());
        const auto ok = ExolveValidation::newService(QStringLiteral("ok"), QStringLiteral("1967"), QString(),
                                                     QStringLiteral("+7 926 999-99-99"));
        QVERIFY(ok);
        QCOMPARE(ok.value().digit, 0u);
        QCOMPARE(ok.value().redirectNumber, QStringLiteral("79269999999"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
