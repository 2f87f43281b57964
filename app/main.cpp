// The `commitscope` laboratory window. All of the start-up logic (command line, translations,
// screenshot mode) lives in the GUI library so that tests can drive it too.
#include "app_startup.hpp"

int main(int argc, char** argv) { return commitscope::runApplication(argc, argv); }
