// The message catalog's texts of the command line (cli.*): data, in English and Vietnamese
// (sim/text/messages.hpp, docs/architecture.md § Messages and languages). The first {} is
// usually the subcommand; option names, file names and the texts of libraries (e.what()) are
// filled in as they are. Vocabulary as in the rest of the catalog: kịch bản (scenario), phương
// án (variant), lần lặp (replication), tệp (file), thư mục (folder), tham số chính sách (lever).
#include <iterator>  // std::size

#include "sim/text/message_catalog.hpp"

namespace cadresim::text {

namespace {

constexpr CatalogEntry kCliCatalog[] = {
    {"cli.lang_invalid", "cadresim {}: --lang must be en or vi, got '{}'",
     "cadresim {}: --lang phải là en hoặc vi, nhận được '{}'"},
    {"cli.lang_env_invalid", "cadresim {}: CADRESIM_LANG must be en or vi, got '{}'",
     "cadresim {}: CADRESIM_LANG phải là en hoặc vi, nhận được '{}'"},
    {"cli.unknown_command", "cadresim: unknown command '{}' (see 'cadresim --help')",
     "cadresim: không có lệnh '{}' (xem 'cadresim --help')"},
    {"cli.whole_number", "cadresim {}: --{} must be a whole number from {} to {}, got '{}'",
     "cadresim {}: --{} phải là số nguyên từ {} đến {}, nhận được '{}'"},
    {"cli.out_not_folder", "cadresim {}: --out {} exists and is not a folder",
     "cadresim {}: --out {} đã tồn tại và không phải là thư mục"},
    {"cli.out_not_empty",
     "cadresim {}: --out {} already holds files; choose a new folder, or add --overwrite to "
     "replace that folder as a whole",
     "cadresim {}: --out {} đã có tệp; hãy chọn thư mục mới, hoặc thêm --overwrite để thay toàn "
     "bộ thư mục đó"},
    {"cli.cannot_write_outputs", "cadresim {}: cannot write the outputs to {}: {}",
     "cadresim {}: không ghi được kết quả vào {}: {}"},
    {"cli.cannot_write_events", "cadresim {}: cannot write the event log to {}: {}",
     "cadresim {}: không ghi được nhật ký sự kiện vào {}: {}"},
    {"cli.run_too_large",
     "cadresim {}: {} replications of {} simulated months are {} replication-months, over the "
     "limit of {} (the results of every replication are kept until the end); use fewer "
     "replications or a shorter horizon (--until)",
     "cadresim {}: {} lần lặp của {} tháng mô phỏng là {} tháng-lần lặp, vượt giới hạn {} (kết "
     "quả của mọi lần lặp được giữ đến cuối); hãy giảm số lần lặp hoặc rút ngắn kỳ (--until)"},
    {"cli.invalid_scenario",
     "cadresim {}: {} is not a valid scenario ({} problem(s)); nothing was written",
     "cadresim {}: {} không phải là kịch bản hợp lệ ({} lỗi); không ghi tệp nào"},
    {"cli.invalid_with_set",
     "cadresim {}: {} with --set {} is not a valid scenario ({} problem(s)); nothing was written",
     "cadresim {}: {} với --set {} không phải là kịch bản hợp lệ ({} lỗi); không ghi tệp nào"},
    {"cli.invalid_with_shocks",
     "cadresim {}: {} with the shocks of {} is not a valid scenario; nothing was written",
     "cadresim {}: {} với các cú sốc của {} không phải là kịch bản hợp lệ; không ghi tệp nào"},
    {"cli.assumptions.too_few",
     "cadresim run: --assumptions needs at least 2 parameter sets and -n of at least 2",
     "cadresim run: --assumptions cần ít nhất 2 bộ tham số và -n ít nhất là 2"},
    {"cli.assumptions.none",
     "cadresim run: {}: no \"assumptions\" section, so --assumptions has nothing to sample "
     "(docs/scenarios.md)",
     "cadresim run: {}: không có phần \"assumptions\", nên --assumptions không có gì để lấy mẫu "
     "(docs/scenarios.md)"},
    {"cli.validate.problems", "{}: {} problem(s)", "{}: {} lỗi"},
    {"cli.story.words", "cadresim story: give WHO, or SCENARIO and WHO (see cadresim story -h)",
     "cadresim story: hãy cho WHO, hoặc SCENARIO và WHO (xem cadresim story -h)"},
    {"cli.story.until",
     "cadresim story: --until must be a date YYYY-MM-DD after {} and not after {}",
     "cadresim story: --until phải là ngày YYYY-MM-DD sau {} và không muộn hơn {}"},

    // ---- Usage: what a command needs, and options that do not go together.
    {"cli.overwrite_needs_out", "cadresim {}: --overwrite only applies with --out",
     "cadresim {}: --overwrite chỉ dùng được cùng với --out"},
    {"cli.see_help", "cadresim {0}: {1} (see 'cadresim {0} --help')",
     "cadresim {0}: {1} (xem 'cadresim {0} --help')"},
    {"cli.compare.words",
     "cadresim compare: give a base and at least one variant (see 'cadresim compare --help')",
     "cadresim compare: hãy cho một kịch bản gốc và ít nhất một phương án (xem 'cadresim compare "
     "--help')"},
    {"cli.compare.other_period",
     "cadresim compare: {} covers a different period than the base; compare scenarios with the "
     "same calendar",
     "cadresim compare: {} có giai đoạn khác với kịch bản gốc; hãy so sánh các kịch bản có cùng "
     "lịch"},
    {"cli.optimise.words",
     "cadresim optimise: give SCENARIO, at least one --vary and one --target, -n ≥ 1 and "
     "--assumptions 0 or ≥ 2 (see 'cadresim optimise --help')",
     "cadresim optimise: hãy cho SCENARIO, ít nhất một --vary và một --target, -n ≥ 1 và "
     "--assumptions bằng 0 hoặc ≥ 2 (xem 'cadresim optimise --help')"},
    {"cli.sweep.words",
     "cadresim sweep: give SCENARIO, at least one --vary (or --lhs N ≥ 2 with an assumptions "
     "section), -n ≥ 1, and not both --lhs and --oat (see 'cadresim sweep --help')",
     "cadresim sweep: hãy cho SCENARIO, ít nhất một --vary (hoặc --lhs N ≥ 2 khi có phần "
     "assumptions), -n ≥ 1, và không dùng cả --lhs lẫn --oat (xem 'cadresim sweep --help')"},
    {"cli.rerun.words",
     "cadresim rerun: give the run folder to repeat (see 'cadresim rerun --help')",
     "cadresim rerun: hãy cho thư mục của lần chạy cần chạy lại (xem 'cadresim rerun --help')"},
    {"cli.validate.resolved_one_file", "cadresim validate: --resolved takes one file",
     "cadresim validate: --resolved chỉ nhận một tệp"},
    {"cli.validate.at_date", "cadresim validate: --at must be a date YYYY-MM-DD",
     "cadresim validate: --at phải là ngày dạng YYYY-MM-DD"},
    {"cli.markov.by", "cadresim markov: --by must be 'level', 'title' or 'pool', got '{}'",
     "cadresim markov: --by phải là 'level', 'title' hoặc 'pool', nhận được '{}'"},
    {"cli.markov.format", "cadresim markov: --format must be 'json' or 'table', got '{}'",
     "cadresim markov: --format phải là 'json' hoặc 'table', nhận được '{}'"},
    {"cli.markov.needs_scenario", "cadresim markov: --from-scenario needs a scenario file",
     "cadresim markov: --from-scenario cần một tệp kịch bản"},
    {"cli.markov.not_both",
     "cadresim markov: give either FILE.json or --from-scenario SCENARIO, not both (see "
     "'cadresim markov --help')",
     "cadresim markov: hãy cho FILE.json hoặc --from-scenario SCENARIO, không cho cả hai (xem "
     "'cadresim markov --help')"},
    {"cli.markov.one_input",
     "cadresim markov: expected exactly one input file, got {} (see 'cadresim markov --help')",
     "cadresim markov: cần đúng một tệp đầu vào, nhận được {} (xem 'cadresim markov --help')"},
    {"cli.markov.scenario_only", "cadresim markov: --{} only applies with --from-scenario",
     "cadresim markov: --{} chỉ dùng được cùng với --from-scenario"},
    {"cli.markov.no_pools", "cadresim markov: scenario '{}' has no pools (choose another --by)",
     "cadresim markov: kịch bản '{}' không có trạng thái nguồn nào (hãy chọn --by khác)"},
    {"cli.markov.no_titles", "cadresim markov: scenario '{}' has no titles (choose another --by)",
     "cadresim markov: kịch bản '{}' không có chức danh nào (hãy chọn --by khác)"},
    {"cli.markov.no_levels", "cadresim markov: scenario '{}' has no levels (choose another --by)",
     "cadresim markov: kịch bản '{}' không có cấp nào (hãy chọn --by khác)"},
    {"cli.run.state_both", "cadresim run: --save-state and --from-state cannot be combined",
     "cadresim run: không thể dùng --save-state cùng với --from-state"},
    {"cli.run.state_with_assumptions",
     "cadresim run: --{} cannot be combined with --assumptions or rerun",
     "cadresim run: không thể dùng --{} cùng với --assumptions hoặc rerun"},
    {"cli.run.state_one_process", "cadresim run: --{} runs in one process; run it without mpirun",
     "cadresim run: --{} chạy trong một tiến trình; hãy chạy lệnh mà không dùng mpirun"},
    {"cli.run.save_needs_until",
     "cadresim run: --save-state needs --until DATE (the date of the state)",
     "cadresim run: --save-state cần --until DATE (ngày của trạng thái được lưu)"},
    {"cli.run.from_state_no_n",
     "cadresim run: with --from-state the replications and the seed are the snapshot's; do not "
     "give -n or --seed",
     "cadresim run: với --from-state, số lần lặp và hạt giống lấy theo trạng thái đã lưu; không "
     "cho -n hoặc --seed"},
    {"cli.run.pipeline_with_state",
     "cadresim run: --pipeline-units cannot be combined with --save-state or --from-state (the "
     "saved accumulators have no per-unit rows)",
     "cadresim run: không thể dùng --pipeline-units cùng với --save-state hoặc --from-state (số "
     "liệu cộng dồn đã lưu không có dòng theo từng đơn vị)"},
    {"cli.run.until", "cadresim run: --until must be a date YYYY-MM-DD after {} and not after {}",
     "cadresim run: --until phải là ngày YYYY-MM-DD sau {} và không muộn hơn {}"},
    {"cli.run.saved_with_names",
     "cadresim run: the event log in {} was saved with --with-names; give the same option to "
     "continue it",
     "cadresim run: nhật ký sự kiện trong {} được lưu với --with-names; hãy cho cùng tùy chọn đó "
     "để tiếp tục"},
    {"cli.run.saved_without_names",
     "cadresim run: the event log in {} was saved without --with-names; give the same option to "
     "continue it",
     "cadresim run: nhật ký sự kiện trong {} được lưu không có --with-names; hãy tiếp tục mà "
     "không dùng tùy chọn này"},
    {"cli.run.continuing",
     "cadresim run: continuing \"{}\" from {} with the parameters of {} (a "
     "variant)",
     "cadresim run: tiếp tục \"{}\" từ {} với các tham số của {} (một phương án)"},
    {"cli.run.cannot_write_state", "cadresim run: cannot write the state to {}: {}",
     "cadresim run: không ghi được trạng thái vào {}: {}"},
    {"cli.markov.cannot_write", "cadresim markov: cannot write --out: {}",
     "cadresim markov: không ghi được --out: {}"},
    {"cli.validate.ok", "{}: OK ({}{} units: {}; {} titles, {} posts)",
     "{}: hợp lệ ({}{} đơn vị: {}; {} chức danh, {} vị trí)"},
    {"cli.validate.on_date", "on {}, ", "ngày {}, "},
    {"cli.serve.open", "cadresim serve: open {}", "cadresim serve: mở {}"},
    {"cli.serve.listening",
     "cadresim serve: listening on {} for other machines; give this address (with its token) "
     "only to the room",
     "cadresim serve: đang nhận kết nối trên {} từ các máy khác; chỉ đưa địa chỉ này (kèm mã "
     "truy cập) cho những người trong phòng"},
    {"cli.serve.scenarios", "cadresim serve: scenarios from {}; Ctrl-C to stop",
     "cadresim serve: kịch bản lấy từ {}; nhấn Ctrl-C để dừng"},
    {"cli.serve.stopped", "cadresim serve: stopped", "cadresim serve: đã dừng"},
    {"cli.serve.no_folder",
     "cadresim serve: the scenario folder \"{}\" does not exist; give one with --scenarios DIR",
     "cadresim serve: thư mục kịch bản \"{}\" không tồn tại; hãy chỉ định bằng --scenarios DIR"},

    // ---- Experiments (sweep, optimise): levers, points, metrics.
    {"cli.no_assumptions", "cadresim {}: {}: no \"assumptions\" section to sample",
     "cadresim {}: {}: không có phần \"assumptions\" để lấy mẫu"},
    {"cli.sweep.nothing_to_vary",
     "cadresim sweep: {}: no --vary and no \"assumptions\" section to sample",
     "cadresim sweep: {}: không có --vary và không có phần \"assumptions\" để lấy mẫu"},
    {"cli.too_many_points", "cadresim {}: {} points is too many (at most 100,000)",
     "cadresim {}: {} điểm là quá nhiều (tối đa 100.000)"},
    {"cli.too_many_points_uncounted",
     "cadresim {}: the grid has more points than can be counted (at most 100,000)",
     "cadresim {}: lưới có quá nhiều điểm, không đếm được (tối đa 100.000)"},
    {"cli.sweep_too_large",
     "cadresim {}: {} points or assumption sets × {} metric(s) × {} replications are more values "
     "than the limit of {} (every value is kept until the end); use fewer points, sets, metrics "
     "or replications",
     "cadresim {}: {} điểm hoặc bộ giả định × {} chỉ số × {} lần lặp là nhiều giá trị hơn giới "
     "hạn {} (mọi giá trị được giữ đến cuối); hãy giảm số điểm, bộ giả định, chỉ số hoặc lần lặp"},
    {"cli.vary.twice",
     "cadresim {}: --vary {} is given twice; give each parameter once (with all its values)",
     "cadresim {}: --vary {} được cho hai lần; mỗi tham số chỉ cho một lần (với mọi giá trị của "
     "nó)"},
    {"cli.vary.not_a_number", "{}: {}: --vary: not a number in the resolved scenario",
     "{}: {}: --vary: không phải là một số trong kịch bản đầy đủ (đã hợp nhất)"},
    {"cli.vary.unresolved",
     "{}: {}: --vary: does not resolve in the resolved scenario (see 'cadresim validate "
     "--resolved')",
     "{}: {}: --vary: không trỏ tới giá trị nào trong kịch bản đầy đủ (xem 'cadresim validate "
     "--resolved')"},
    {"cli.lever_not_number", "cadresim {}: {}: a lever does not name a number; nothing was written",
     "cadresim {}: {}: một tham số chính sách không trỏ tới một số; không ghi tệp nào"},
    {"cli.point_invalid", "cadresim {}: the point {} is not a valid scenario; nothing was written",
     "cadresim {}: điểm {} không phải là kịch bản hợp lệ; không ghi tệp nào"},
    {"cli.unknown_metric",
     "cadresim {}: unknown metric \"{}\": no series \"{}\" with group \"{}\" ({} series; see "
     "docs/model.md, Metrics)",
     "cadresim {}: không có chỉ số \"{}\": không có chuỗi số liệu \"{}\" với nhóm \"{}\" (chuỗi "
     "{}; "
     "xem docs/model.md, mục Metrics)"},
    {"cli.series.monthly", "monthly", "theo tháng"},
    {"cli.series.whole_run", "whole-run", "cả kỳ"},
    {"cli.sampled_set_invalid",
     "cadresim optimise: a sampled assumption set is not a valid scenario; nothing was written",
     "cadresim optimise: một bộ giả định được lấy mẫu không phải là kịch bản hợp lệ; không ghi "
     "tệp nào"},
    {"cli.run.sampled_set_invalid",
     "cadresim run: a sampled assumption set is not a valid scenario; narrow the range in "
     "\"assumptions\"; nothing was written",
     "cadresim run: một bộ giả định được lấy mẫu không phải là kịch bản hợp lệ; hãy thu hẹp khoảng "
     "trong \"assumptions\"; không ghi tệp nào"},

    // ---- Endings: nothing written, interrupted, internal errors, warnings.
    {"cli.nothing_written", "cadresim {}: {}; nothing was written",
     "cadresim {}: {}; không ghi tệp nào"},
    {"cli.interrupted", "cadresim {}: interrupted; nothing was written",
     "cadresim {}: đã bị ngắt; không ghi tệp nào"},
    {"cli.rerun.nothing_written", "cadresim rerun: nothing was written",
     "cadresim rerun: không ghi tệp nào"},
    {"cli.rerun.count", "cadresim {}: {} records {} scenario(s), the command line names {}",
     "cadresim {}: {} lưu {} kịch bản, nhưng dòng lệnh nêu {}"},
    {"cli.rerun.cannot", "cadresim {}: {} cannot be rerun; nothing was written",
     "cadresim {}: không thể chạy lại {}; không ghi tệp nào"},
    {"cli.internal_error", "cadresim: internal error: {}", "cadresim: lỗi nội bộ: {}"},
    {"cli.warning", "{}: {}: warning: {}", "{}: {}: cảnh báo: {}"},
};

}  // namespace

std::span<const CatalogEntry> cli_messages() {
  return {kCliCatalog, std::size(kCliCatalog)};
}

}  // namespace cadresim::text
