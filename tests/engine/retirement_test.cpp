// Retirement (sim/rules/retirement.cpp): statutory dates against the Decree 135/2020 roadmap
// (docs/sources.md#S-RET-1, the table in tests/data/engine-small.json), and early
// retirement eligibility.
#include <gtest/gtest.h>

#include <algorithm>  // std::min
#include <cmath>      // std::sqrt
#include <random>     // std::mt19937_64: random tables

#include "engine_test_support.hpp"

namespace cadresim::enginetest {
namespace {

using model::Sex;

struct RetirementCase {
  Sex sex;
  Day birth;
  Day expected;
  const char* why;  // the hand computation
};

// Roadmap (age reached in that calendar year): men 2020 60y, +3 months a year to 62y in 2028;
// women 2020 55y, +4 months a year to 60y in 2035. The age that applies is that of the year in
// which it is reached; retirement on the last day of that month.
const RetirementCase kCases[] = {
    // Men.
    {Sex::kMale, ymd(1961, 5, 10), ymd(2021, 8, 31), "2021: 60y3m reached 2021-08-10"},
    {Sex::kMale, ymd(1960, 3, 15), ymd(2020, 3, 31), "2020: 60y reached 2020-03-15"},
    {Sex::kMale, ymd(1960, 12, 20), ymd(2020, 12, 31), "2020: 60y reached 2020-12-20"},
    {Sex::kMale, ymd(1961, 1, 1), ymd(2021, 4, 30), "2021: 60y3m reached 2021-04-01"},
    {Sex::kMale, ymd(1961, 9, 30), ymd(2021, 12, 31), "2021: 60y3m reached 2021-12-30"},
    {Sex::kMale, ymd(1961, 10, 1), ymd(2022, 4, 30),
     "2021's 60y3m falls on 2022-01-01 (next year); 2022: 60y6m reached 2022-04-01"},
    {Sex::kMale, ymd(1961, 10, 15), ymd(2022, 4, 30),
     "2021's 60y3m falls on 2022-01-15; 2022: 60y6m reached 2022-04-15"},
    {Sex::kMale, ymd(1962, 6, 30), ymd(2022, 12, 31), "2022: 60y6m reached 2022-12-30"},
    {Sex::kMale, ymd(1962, 5, 31), ymd(2022, 11, 30),
     "2022: 60y6m, 31 May + 6m = 30 Nov (clamped)"},
    {Sex::kMale, ymd(1962, 7, 31), ymd(2023, 4, 30),
     "2022's 60y6m falls on 2023-01-31; 2023: 60y9m, 31 Jul + 9m = 30 Apr 2023 (clamped)"},
    {Sex::kMale, ymd(1963, 5, 31), ymd(2024, 5, 31),
     "2023's 60y9m falls on 2024-02-29; 2024: 61y reached 2024-05-31"},
    {Sex::kMale, ymd(1960, 2, 29), ymd(2020, 2, 29), "2020: 60y reached 2020-02-29 (leap year)"},
    {Sex::kMale, ymd(1964, 2, 29), ymd(2025, 5, 31),
     "2024's 61y falls on 2025-02-28; 2025: 61y3m reached 2025-05-29"},
    {Sex::kMale, ymd(1965, 3, 10), ymd(2026, 9, 30),
     "2025's 61y3m falls on 2026-06-10; 2026: 61y6m reached 2026-09-10"},
    {Sex::kMale, ymd(1966, 1, 20), ymd(2027, 10, 31),
     "2026's 61y6m falls on 2027-07-20; 2027: 61y9m reached 2027-10-20"},
    {Sex::kMale, ymd(1966, 3, 31), ymd(2027, 12, 31), "2027: 61y9m reached 2027-12-31 (last day)"},
    {Sex::kMale, ymd(1966, 4, 1), ymd(2028, 4, 30),
     "2027's 61y9m falls on 2028-01-01; 2028: 62y (final) reached 2028-04-01"},
    {Sex::kMale, ymd(1970, 8, 8), ymd(2032, 8, 31), "final age 62y reached 2032-08-08"},
    {Sex::kMale, ymd(1972, 2, 29), ymd(2034, 2, 28), "final 62y: 29 Feb 1972 + 62y = 28 Feb 2034"},
    {Sex::kMale, ymd(1955, 6, 15), ymd(2015, 6, 30), "before the roadmap: the first row, 60y"},
    // Women.
    {Sex::kFemale, ymd(1966, 1, 15), ymd(2021, 5, 31), "2021: 55y4m reached 2021-05-15"},
    {Sex::kFemale, ymd(1965, 6, 10), ymd(2020, 6, 30), "2020: 55y reached 2020-06-10"},
    {Sex::kFemale, ymd(1965, 9, 1), ymd(2020, 9, 30), "2020: 55y reached 2020-09-01"},
    {Sex::kFemale, ymd(1966, 8, 31), ymd(2021, 12, 31), "2021: 55y4m reached 2021-12-31"},
    {Sex::kFemale, ymd(1966, 9, 1), ymd(2022, 5, 31),
     "2021's 55y4m falls on 2022-01-01; 2022: 55y8m reached 2022-05-01"},
    {Sex::kFemale, ymd(1967, 3, 31), ymd(2022, 11, 30),
     "2022: 55y8m, 31 Mar + 8m = 30 Nov (clamped)"},
    {Sex::kFemale, ymd(1967, 5, 20), ymd(2023, 5, 31),
     "2022's 55y8m falls on 2023-01-20; 2023: 56y reached 2023-05-20"},
    {Sex::kFemale, ymd(1968, 2, 29), ymd(2024, 6, 30),
     "2023's 56y falls on 2024-02-29; 2024: 56y4m reached 2024-06-29"},
    {Sex::kFemale, ymd(1968, 10, 10), ymd(2025, 6, 30),
     "2024's 56y4m falls on 2025-02-10; 2025: 56y8m reached 2025-06-10"},
    {Sex::kFemale, ymd(1970, 1, 5), ymd(2027, 5, 31),
     "2026's 57y falls on 2027-01-05; 2027: 57y4m reached 2027-05-05"},
    {Sex::kFemale, ymd(1971, 6, 15), ymd(2029, 6, 30),
     "2028's 57y8m falls on 2029-02-15; 2029: 58y reached 2029-06-15"},
    {Sex::kFemale, ymd(1972, 12, 31), ymd(2031, 8, 31),
     "2030's 58y4m falls on 2031-04-30; 2031: 58y8m reached 2031-08-31"},
    {Sex::kFemale, ymd(1974, 5, 31), ymd(2033, 9, 30),
     "2032's 59y falls on 2033-05-31; 2033: 59y4m, 31 May + 4m = 30 Sep (clamped)"},
    {Sex::kFemale, ymd(1975, 3, 1), ymd(2034, 11, 30),
     "2033's 59y4m falls on 2034-07-01; 2034: 59y8m reached 2034-11-01"},
    {Sex::kFemale, ymd(1975, 12, 31), ymd(2035, 12, 31),
     "2034's 59y8m falls on 2035-08-31; 2035: 60y (final) reached 2035-12-31"},
    {Sex::kFemale, ymd(1976, 7, 1), ymd(2036, 7, 31),
     "2035's 60y falls on 2036-07-01; final 60y reached 2036-07-01"},
    {Sex::kFemale, ymd(1976, 2, 29), ymd(2036, 2, 29), "final 60y reached 2036-02-29 (leap year)"},
    {Sex::kFemale, ymd(1981, 2, 28), ymd(2041, 2, 28), "final 60y reached 2041-02-28"},
    {Sex::kFemale, ymd(1964, 2, 29), ymd(2019, 2, 28),
     "before the roadmap: 55y, 29 Feb 1964 + 55y = 28 Feb 2019"},
    {Sex::kFemale, ymd(1990, 11, 30), ymd(2050, 11, 30), "final 60y reached 2050-11-30"},
};

TEST(Retirement, StatutoryDatesFollowTheDecree135RoadmapByYearAgeIsReached) {
  int men = 0, women = 0;
  for (const auto& c : kCases) {
    (c.sex == Sex::kMale ? men : women)++;
    EXPECT_EQ(kernel::format_iso_date(
                  rules::statutory_retirement_date(small().retirement, c.sex, c.birth)),
              kernel::format_iso_date(c.expected))
        << (c.sex == Sex::kMale ? "man" : "woman") << " born " << kernel::format_iso_date(c.birth)
        << ": " << c.why;
  }
  EXPECT_GE(men, 20);
  EXPECT_GE(women, 20);
}

TEST(Retirement, StatutoryAgeIsTheRowOfTheYearOrTheFirstRowBeforeTheTable) {
  const auto& p = small().retirement;
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kMale, 2010), 60 * 12);
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kMale, 2021), 60 * 12 + 3);
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kMale, 2028), 62 * 12);
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kMale, 2050), 62 * 12);
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kFemale, 2020), 55 * 12);
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kFemale, 2027), 57 * 12 + 4);
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kFemale, 2035), 60 * 12);
  EXPECT_EQ(rules::statutory_age_months(p, Sex::kFemale, 2090), 60 * 12);
}

// Every birth date over 1955-1985: the date is a month end, the month in which the age of its
// own calendar year is reached, and a later birth never retires earlier.
TEST(Retirement, EveryBirthDateRetiresAtTheMonthEndOfTheAgeForThatYear) {
  const auto& p = small().retirement;
  for (Sex sex : {Sex::kMale, Sex::kFemale}) {
    Day previous = 0;
    for (Day birth = ymd(1955, 1, 1); birth <= ymd(1985, 12, 31); ++birth) {
      const Day r = rules::statutory_retirement_date(p, sex, birth);
      ASSERT_EQ(r, kernel::month_end(r));
      const int year = kernel::split(r).year;
      const Day reached = kernel::add_months(birth, rules::statutory_age_months(p, sex, year));
      ASSERT_EQ(kernel::month_end(reached), r) << kernel::format_iso_date(birth);
      ASSERT_GE(r, previous) << kernel::format_iso_date(birth);
      previous = r;
    }
  }
}

// The row of a year by a scan of the whole table, as the rule was first written (the rule now
// bisects the sorted rows).
int statutory_age_months_by_scan(const model::RetirementParams& p, Sex sex, int year) {
  const model::RetirementAgeRow* row = &p.table.front();
  for (const auto& r : p.table)
    if (r.year <= year) row = &r;
  return sex == Sex::kMale ? row->men_months : row->women_months;
}

// statutory_retirement_date works in months, a table row at a time (retirement.cpp); this is the
// formula itself, year by year and with days (add the age to the birth date, split the result,
// take its month end). The two must agree on every birth date of 1930-2010, both sexes, with the
// roadmap table and with a table whose ages fall by the year (a search that steps back).
Day statutory_retirement_date_by_days(const model::RetirementParams& p, Sex sex, Day birth) {
  // y* = min { y : year(birth + A(y)) ≤ y } (docs/model.md § Retirement), from the birth year on.
  for (int y = kernel::split(birth).year;; ++y) {
    const Day reached = kernel::add_months(birth, statutory_age_months_by_scan(p, sex, y));
    if (kernel::split(reached).year <= y) return kernel::month_end(reached);
  }
}

TEST(Retirement, TheStatutoryDateInMonthsIsTheDateFoundDayByDay) {
  model::RetirementParams falling = small().retirement;
  for (auto& row : falling.table) {  // ages that fall by a month every second year
    row.men_months = 62 * 12 - (row.year - 2020) / 2;
    row.women_months = 60 * 12 - (row.year - 2020) / 2;
  }
  for (const model::RetirementParams* p :
       {&small().retirement, static_cast<const model::RetirementParams*>(&falling)})
    for (Sex sex : {Sex::kMale, Sex::kFemale})
      for (Day birth = ymd(1930, 1, 1); birth <= ymd(2010, 12, 31); ++birth)
        ASSERT_EQ(rules::statutory_retirement_date(*p, sex, birth),
                  statutory_retirement_date_by_days(*p, sex, birth))
            << kernel::format_iso_date(birth) << (sex == Sex::kMale ? " man" : " woman");
}

// Random tables within what the loader accepts (1 to 30 rows, years strictly increasing over
// 1900-2200, ages of 40y0m to 80y11m in any order), births over 1850-2150: the rule, which
// bisects the rows and searches a span of years at a time, finds the date that the year-by-year
// search over whole tables finds. Until 2 December the rule searched only the 40 years from the
// youngest age's and then fell back on the next year's age, which differs from y* when ages 40
// years apart follow each other; such cases are counted below, so the test covers them.
TEST(Retirement, TheSpanBySpanSearchFindsWhatTheYearByYearSearchFinds) {
  std::mt19937_64 gen(20261202);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(gen); };
  int past_forty_years = 0;
  for (int t = 0; t < 300; ++t) {
    model::RetirementParams p;
    const int rows = pick(1, 30);
    int year = pick(1900, 2100);
    const int narrow = t % 2;  // half the tables with ages within two years of each other
    const int base = pick(40 * 12, 78 * 12);
    for (int r = 0; r < rows && year <= 2200; ++r) {
      model::RetirementAgeRow row;
      row.year = year;
      row.men_months = narrow ? base + pick(0, 24) : pick(40 * 12, 80 * 12 + 11);
      row.women_months = narrow ? base + pick(0, 24) : pick(40 * 12, 80 * 12 + 11);
      p.table.push_back(row);
      year += pick(1, 6);
    }
    for (int year_of_query = 1850; year_of_query <= 2250; year_of_query += 7)
      for (Sex sex : {Sex::kMale, Sex::kFemale})
        ASSERT_EQ(rules::statutory_age_months(p, sex, year_of_query),
                  statutory_age_months_by_scan(p, sex, year_of_query))
            << "table " << t << ", year " << year_of_query;
    for (int b = 0; b < 200; ++b) {
      const Day birth = ymd(pick(1850, 2150), static_cast<unsigned>(pick(1, 12)),
                            static_cast<unsigned>(pick(1, 28)));
      for (Sex sex : {Sex::kMale, Sex::kFemale}) {
        const Day expected = statutory_retirement_date_by_days(p, sex, birth);
        ASSERT_EQ(rules::statutory_retirement_date(p, sex, birth), expected)
            << "table " << t << ", born " << kernel::format_iso_date(birth)
            << (sex == Sex::kMale ? " man" : " woman");
        int min_age = 1 << 30;
        for (const auto& r : p.table)
          min_age = std::min(min_age, sex == Sex::kMale ? r.men_months : r.women_months);
        // The year of y* is at least the date's year; past the old search's 40 years here.
        if (kernel::split(expected).year > kernel::split(birth).year + min_age / 12 - 1 + 39)
          ++past_forty_years;
      }
    }
  }
  EXPECT_GT(past_forty_years, 0) << "no case lies past the 40 years the rule once searched";
}

// --- Early retirement -------------------------------------------------------------------

// A harness on engine-small with early retirement certain for the eligible (probability 1 per
// year gives 1 per month), so eligibility alone decides.
struct EarlyCase {
  bool enabled;
  int hardship_months;
  int months_to_retirement;
  bool retires;
  const char* why;
};

TEST(Retirement, EarlyRetirementNeedsHardshipServiceAndTheLastYearsBeforeTheStatutoryDate) {
  const EarlyCase cases[] = {
      {true, 180, 60, true, "at both thresholds (15 years, 5 years early)"},
      {true, 179, 60, false, "one month short of hardship service"},
      {true, 180, 61, false, "more than 5 years before the statutory date"},
      {true, 300, 1, true, "long hardship service, one month before the statutory date"},
      {false, 300, 12, false, "early retirement disabled in the scenario"},
  };
  for (const auto& c : cases) {
    model::Scenario s = small();
    s.retirement.early_enabled = c.enabled;
    s.retirement.early_probability_per_year = 1.0;
    const Day today = ymd(2024, 3, 31);
    RuleHarness h(std::move(s), today);
    RuleHarness::NewCadre n;
    n.post = h.post("d1-c-01", "c-staff");
    n.retirement_date = kernel::month_end(kernel::add_months(today, c.months_to_retirement));
    const CadreId id = h.add(n);
    h.world.cadres[id].hardship_months = c.hardship_months;
    ASSERT_EQ(rules::months_to_retirement(h.world.cadres[id], today), c.months_to_retirement);
    rules::RuleContext ctx = h.ctx();
    rules::consider_early_retirement(ctx, id, rules::early_retirement_month(ctx, 0));
    const bool retired = h.world.cadres[id].status == model::CadreStatus::kRetired;
    EXPECT_EQ(retired, c.retires) << c.why;
    if (retired) {
      EXPECT_EQ(h.world.cadres[id].exit_cause, model::ExitCause::kEarlyRetirement);
      const auto ev = h.events(EventType::kRetired);
      ASSERT_EQ(ev.size(), 1u);
      EXPECT_EQ(ev[0].reason, events::kReasonEarly);
      EXPECT_EQ(ev[0].from, n.post);
      EXPECT_EQ(h.world.posts[n.post].holder, model::kNoCadre);
      EXPECT_EQ(h.world.exited, 1u);
    }
  }
}

// The month's horizon replaces a whole-months count per cadre: "more than max_months_early
// whole months to retirement" must be exactly "retirement on or after too_far_from", for every
// day of four years (leap year and month ends included), every cap the loader accepts (0-120)
// and every retirement date around the horizon.
TEST(Retirement, TheEarlyRetirementHorizonIsExactlyTheWholeMonthsRule) {
  model::Scenario s = small();
  s.retirement.early_enabled = true;
  s.retirement.early_probability_per_year = 0.5;
  for (Day today = ymd(2023, 1, 1); today <= ymd(2026, 12, 31); today += 5) {
    for (int cap : {0, 1, 11, 60, 119, 120}) {
      s.retirement.early_max_months = cap;
      RuleHarness h(s, today);
      const auto terms = rules::early_retirement_month(h.ctx(), 0);
      const Day around = kernel::add_months(today, cap + 1);
      for (Day r = around - 40; r <= around + 40; ++r) {
        model::Cadre c;
        c.retirement_date = r;
        ASSERT_EQ(rules::months_to_retirement(c, today) > cap, r >= terms.too_far_from)
            << kernel::format_iso_date(today) << " cap " << cap << " retirement "
            << kernel::format_iso_date(r);
      }
    }
  }
}

// Statistical: for an eligible cadre the monthly chance is 1 - (1 - p)^(1/12), so the chance of
// retiring within 12 monthly checks is exactly p. With N independent cadres (distinct random
// entities) the fraction is Binomial(N, p)/N: standard error sqrt(p(1-p)/N) = 0.0028 for
// N = 20000, p = 0.2; we allow 4 standard errors (two-sided false-alarm rate 6e-5, and the seed
// is fixed anyway).
TEST(Retirement, EarlyRetirementYearlyProbabilityIsSpreadOverMonths) {
  model::Scenario s = small();
  s.retirement.early_enabled = true;
  s.retirement.early_probability_per_year = 0.2;
  const Day today = ymd(2024, 1, 31);
  RuleHarness h(std::move(s), today, 7);
  const int n_cadres = 20000;
  for (int i = 0; i < n_cadres; ++i) {
    RuleHarness::NewCadre n;
    n.retirement_date = ymd(2026, 12, 31);
    const CadreId id = h.add(n);
    h.world.cadres[id].hardship_months = 200;
  }
  h.world.clear_unplaced();  // nobody places them here; keeps each exit O(1)
  rules::RuleContext ctx = h.ctx();
  for (std::uint64_t month = 0; month < 12; ++month) {
    const auto terms = rules::early_retirement_month(ctx, month);
    for (CadreId id = 0; id < h.world.cadres.size(); ++id)
      if (h.world.cadres[id].status == model::CadreStatus::kActive)
        rules::consider_early_retirement(ctx, id, terms);
  }
  const double p = 0.2;
  const double fraction = static_cast<double>(h.world.exited) / n_cadres;
  const double se = std::sqrt(p * (1 - p) / n_cadres);
  EXPECT_NEAR(fraction, p, 4 * se);
}

TEST(Retirement, ACadreAlreadyPastTheAgeAtTheStartRetiresAtTheEndOfTheMonth) {
  const Day today = ymd(2022, 3, 10);
  RuleHarness h(small(), today);
  RuleHarness::NewCadre n;
  n.post = h.post("d1-c-01", "c-sec");
  n.birth = ymd(1958, 1, 1);  // statutory date 2018-01-31, long past
  const CadreId id = h.add(n);
  rules::RuleContext ctx = h.ctx();
  rules::schedule_retirement(ctx, id);
  EXPECT_EQ(h.world.cadres[id].retirement_date, ymd(2018, 1, 31));
  h.advance_to(ymd(2022, 3, 30));
  EXPECT_EQ(h.world.cadres[id].status, model::CadreStatus::kActive);
  h.advance_to(ymd(2022, 3, 31));
  EXPECT_EQ(h.world.cadres[id].status, model::CadreStatus::kRetired);
  EXPECT_EQ(h.world.cadres[id].exited, ymd(2022, 3, 31));
  const auto opened = h.events(EventType::kVacancyOpened);
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_EQ(opened[0].to, n.post);
  EXPECT_EQ(opened[0].reason, events::kReasonExit);
}

TEST(Retirement, ACadreRetiresOnTheStatutoryDateAndLeavesThePlan) {
  const Day today = ymd(2021, 1, 1);
  RuleHarness h(small(), today);
  RuleHarness::NewCadre n;
  n.post = h.post("d2-c-02", "c-vice");
  n.birth = ymd(1961, 5, 10);  // statutory date 2021-08-31 (see the table above)
  n.retirement_date = 0;
  const CadreId id = h.add(n);
  h.plan(id, h.post("d2-c-02", "c-chair"));
  rules::RuleContext ctx = h.ctx();
  rules::schedule_retirement(ctx, id);
  h.advance_to(ymd(2021, 8, 30));
  EXPECT_EQ(h.world.cadres[id].status, model::CadreStatus::kActive);
  h.advance_to(ymd(2021, 8, 31));
  EXPECT_EQ(h.world.cadres[id].status, model::CadreStatus::kRetired);
  EXPECT_EQ(h.world.cadres[id].exit_cause, model::ExitCause::kRetirement);
  EXPECT_TRUE(h.world.plan.empty());
  EXPECT_EQ(h.world.plan_count[id], 0);
  const auto unplanned = h.events(EventType::kUnplanned);
  ASSERT_EQ(unplanned.size(), 1u);
  EXPECT_EQ(unplanned[0].reason, events::kReasonGone);
  const auto retired = h.events(EventType::kRetired);
  ASSERT_EQ(retired.size(), 1u);
  EXPECT_EQ(retired[0].reason, events::kReasonStatutory);
  EXPECT_EQ(retired[0].day, ymd(2021, 8, 31));
}

}  // namespace
}  // namespace cadresim::enginetest
