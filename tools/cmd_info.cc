// `ncpmi info`: structure of a game (sizes, perfect information and recall, subgames, memory).
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "limits.h"
#include "ncpmi/game/structure.h"

namespace ncpmi::cli {

void AddInfoCommand(CLI::App& app) {
  struct InfoOptions {
    std::string file;
    bool json = false;
    LimitFlags limits;
  };
  auto o = std::make_shared<InfoOptions>();
  CLI::App* cmd = app.add_subcommand(
      "info", "Describe a game: sizes, perfect information/recall, subgame roots, memory");
  cmd->add_option("FILE", o->file, "Gambit .efg or .nfg file ('-' for standard input)")->required();
  cmd->add_flag("--json", o->json, "JSON output");
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    const Game game = ReadGameWithin(o->file, o->limits.Limits());
    const GameStructure s = AnalyzeStructure(game);
    const MemoryReport m = game.Memory();
    std::vector<int> infosets(static_cast<std::size_t>(game.NumPlayers()) + 1, 0);
    for (InfosetId h = 0; h < game.NumInfosets(); ++h) ++infosets[game.InfosetPlayer(h)];
    nlohmann::ordered_json j;
    j["file"] = o->file;
    j["title"] = game.Title();
    j["players"] = nlohmann::ordered_json::array();
    for (int p = 1; p <= game.NumPlayers(); ++p) {
      j["players"].push_back({{"name", game.PlayerName(p)}, {"infosets", infosets[p]}});
    }
    j["nodes"] = game.NumNodes();
    j["decision_nodes"] = game.NumDecisionNodes();
    j["chance_nodes"] = game.NumChanceNodes();
    j["terminal_nodes"] = game.NumTerminalNodes();
    j["depth"] = game.NumLevels() - 1;
    j["outcomes"] = game.NumOutcomes();
    j["perfect_information"] = game.IsPerfectInformation();
    j["perfect_recall"] = s.perfect_recall;
    if (!s.perfect_recall) j["recall_violation"] = s.recall_violation;
    j["subgame_roots"] = s.subgame_roots;
    j["structure_bytes"] = m.structure_bytes;
    j["label_bytes"] = m.label_bytes;
    j["bytes_per_node"] = m.StructureBytesPerNode();
    if (o->json) {
      std::cout << j.dump(2) << '\n';
      return;
    }
    std::cout << "title: " << game.Title() << "\nplayers:";
    for (int p = 1; p <= game.NumPlayers(); ++p) {
      std::cout << (p > 1 ? "," : "") << ' ' << game.PlayerName(p) << " (" << infosets[p]
                << (infosets[p] == 1 ? " information set)" : " information sets)");
    }
    std::cout << "\nnodes: " << game.NumNodes() << " (" << game.NumDecisionNodes() << " decision, "
              << game.NumChanceNodes() << " chance, " << game.NumTerminalNodes()
              << " terminal), depth " << game.NumLevels() - 1 << ", " << game.NumOutcomes()
              << " outcomes\n"
              << "perfect information: " << (game.IsPerfectInformation() ? "yes" : "no") << '\n'
              << "perfect recall: " << (s.perfect_recall ? "yes" : "no: " + s.recall_violation)
              << '\n'
              << "subgame roots: " << s.subgame_roots.size() << '\n'
              << "memory: " << m.structure_bytes << " bytes of structure ("
              << m.StructureBytesPerNode() << " per node), " << m.label_bytes
              << " bytes of labels\n";
  });
}

}  // namespace ncpmi::cli
