// placeholder: header-only C++20 RAII layer over hav1.h (to be written)
#pragma once
#include "hav1/hav1.h"
