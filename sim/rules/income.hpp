#pragma once
/// @file Income (docs/model.md § Income). Monthly gross income of a cadre at a post on a date:
///   base(date) × (grade + position) × (1 + public-service share)
///   + regional coefficient × base
///   + attraction share × base × (grade + position)  [especially-difficult units, while the
///                                                    career's 60 months are not used up]
///   + level extra (agency income outside the scale)
/// where `grade` is the title's fixed salary coefficient when it has one, and `position` may be
/// a reserved (bảo lưu) higher allowance from the previous post. A move adds costs (a second
/// household, travel by distance) that support may offset.

#include "sim/model/scenario.hpp"

namespace cadresim::rules {

/// Base salary (lương cơ sở) in force on `day`.
double base_salary(const model::IncomeParams& p, kernel::Day day);

/// Components of a monthly income, VND.
struct IncomeBreakdown {
  double salary = 0;          ///< base × grade (or the title's fixed coefficient)
  double position = 0;        ///< base × position allowance
  double public_service = 0;  ///< share × (salary + position)
  double regional = 0;        ///< regional coefficient × base
  double attraction = 0;      ///< attraction share × (salary + position)
  double level_extra = 0;     ///< agency extras by level
  /// Total gross income.
  double total() const {
    return salary + position + public_service + regional + attraction + level_extra;
  }
};

/// A regime kept from the previous post (bảo lưu, QĐ 65 Art. 11): its salary and position
/// coefficients replace the new post's when they are higher (0 = nothing kept).
struct ReservedRegime {
  double salary_coefficient = 0;
  double position_allowance = 0;
};

/// Salary coefficient a cadre is paid at a post: the title's fixed coefficient, or their grade.
double salary_coefficient_at(const model::Organisation& org, const model::Cadre& cadre,
                             model::PostId post);

/// Income of `cadre` at `post` on `day`. `attraction_months_left` > 0 enables the attraction
/// allowance in especially-difficult units; a reserved regime replaces lower coefficients.
IncomeBreakdown monthly_income(const model::Scenario& s, const model::Cadre& cadre,
                               model::PostId post, kernel::Day day, int attraction_months_left,
                               ReservedRegime reserved = {});

/// Road distance between two units' seats, km: the sum of distance_km along the tree path.
double distance_km(const model::Organisation& org, model::UnitId a, model::UnitId b);

/// True if a cadre whose home is `home` needs a second household when moved from `from` to
/// `to`: the move changes the unit and home is farther than income.commute_max_km from the
/// destination (commute_max_km = 0: every move does).
bool needs_second_household(const model::Scenario& s, model::UnitId home, model::UnitId from,
                            model::UnitId to);
/// Monthly costs a move from `from` to `to` adds: the second household (when needed; official
/// housing offsets it as support, sim/rules/support.hpp) and travel by distance, VND.
double move_costs(const model::Scenario& s, model::UnitId from, model::UnitId to,
                  bool second_household);

}  // namespace cadresim::rules
