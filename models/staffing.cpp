#include "models/staffing.hpp"
