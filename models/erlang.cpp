#include "models/erlang.hpp"
