"""Public names of the objects students use most, for "did you mean" on a misspelt attribute.

Only a slip in typing (``text.spelled_alike``) is suggested from these lists, and an ndarray method
missing from NumPy arrays but present in NumPy (``arr.median()``) is told as ``np.median(arr)``.
The NumPy (and ``numpy.random``), pandas and pyplot lists are ``dir()`` of numpy 2.4, pandas 3.1
and matplotlib 3.11 without private names; the torch lists are the common part written by hand
(torch is no dependency here). A name missing from a list only means no suggestion.
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# numpy (module)
NUMPY = _names(
    """
    False_ ScalarType True_ abs absolute acos acosh add all allclose amax amin angle any append
    apply_along_axis apply_over_axes arange arccos arccosh arcsin arcsinh arctan arctan2
    arctanh argmax argmin argpartition argsort argwhere around array array2string array_equal
    array_equiv array_repr array_split array_str asanyarray asarray asarray_chkfinite
    ascontiguousarray asfortranarray asin asinh asmatrix astype atan atan2 atanh atleast_1d
    atleast_2d atleast_3d average bartlett base_repr binary_repr bincount bitwise_and
    bitwise_count bitwise_invert bitwise_left_shift bitwise_not bitwise_or bitwise_right_shift
    bitwise_xor blackman block bmat bool bool_ broadcast broadcast_arrays broadcast_shapes
    broadcast_to busday_count busday_offset busdaycalendar byte bytes_ c_ can_cast cbrt cdouble
    ceil char character choose clip clongdouble column_stack common_type complex128 complex256
    complex64 complexfloating compress concat concatenate conj conjugate convolve copy copysign
    copyto core corrcoef correlate cos cosh count_nonzero cov cross csingle ctypeslib cumprod
    cumsum cumulative_prod cumulative_sum datetime64 datetime_as_string datetime_data deg2rad
    degrees delete diag diag_indices diag_indices_from diagflat diagonal diff digitize divide
    divmod dot double dsplit dstack dtype dtypes e ediff1d einsum einsum_path emath empty
    empty_like equal errstate euler_gamma exceptions exp exp2 expand_dims expm1 extract eye
    f2py fabs fft fill_diagonal finfo fix flatiter flatnonzero flexible flip fliplr flipud
    float128 float16 float32 float64 float_power floating floor floor_divide fmax fmin fmod
    format_float_positional format_float_scientific frexp from_dlpack frombuffer fromfile
    fromfunction fromiter frompyfunc fromregex fromstring full full_like gcd generic genfromtxt
    geomspace get_include get_printoptions getbufsize geterr geterrcall gradient greater
    greater_equal half hamming hanning heaviside histogram histogram2d histogram_bin_edges
    histogramdd hsplit hstack hypot i0 identity iinfo imag index_exp indices inexact inf info
    inner insert int16 int32 int64 int8 int_ intc integer interp intersect1d intp invert
    is_busday isclose iscomplex iscomplexobj isdtype isfinite isfortran isin isinf isnan isnat
    isneginf isposinf isreal isrealobj isscalar issubdtype iterable ix_ kaiser kron lcm ldexp
    left_shift less less_equal lexsort lib linalg linspace little_endian load loadtxt log log10
    log1p log2 logaddexp logaddexp2 logical_and logical_not logical_or logical_xor logspace
    long longdouble longlong ma mask_indices matmul matrix matrix_transpose matvec max maximum
    may_share_memory mean median memmap meshgrid mgrid min min_scalar_type minimum mintypecode
    mod modf moveaxis multiply nan nan_to_num nanargmax nanargmin nancumprod nancumsum nanmax
    nanmean nanmedian nanmin nanpercentile nanprod nanquantile nanstd nansum nanvar ndarray
    ndenumerate ndim ndindex nditer negative nested_iters newaxis nextafter nonzero not_equal
    number object_ ogrid ones ones_like outer packbits pad partition percentile permute_dims pi
    piecewise place poly poly1d polyadd polyder polydiv polyfit polyint polymul polynomial
    polysub polyval positive pow power printoptions prod promote_types ptp put put_along_axis
    putmask quantile r_ rad2deg radians random ravel ravel_multi_index real real_if_close rec
    recarray reciprocal record remainder repeat require reshape resize result_type right_shift
    rint roll rollaxis roots rot90 round row_stack s_ save savetxt savez savez_compressed
    sctypeDict searchsorted select set_printoptions setbufsize setdiff1d seterr seterrcall
    setxor1d shape shares_memory short show_config show_runtime sign signbit signedinteger sin
    sinc single sinh size sort sort_complex spacing split sqrt square squeeze stack std str_
    strings subtract sum swapaxes take take_along_axis tan tanh tensordot test testing tile
    timedelta64 trace transpose trapezoid tri tril tril_indices tril_indices_from trim_zeros
    triu triu_indices triu_indices_from true_divide trunc typecodes typename typing ubyte ufunc
    uint uint16 uint32 uint64 uint8 uintc uintp ulong ulonglong union1d unique unique_all
    unique_counts unique_inverse unique_values unpackbits unravel_index unsignedinteger unstack
    unwrap ushort vander var vdot vecdot vecmat vectorize void vsplit vstack where zeros
    zeros_like
    """
)

# numpy.ndarray
NDARRAY = _names(
    """
    T all any argmax argmin argpartition argsort astype base byteswap choose clip compress conj
    conjugate copy ctypes cumprod cumsum data device diagonal dot dtype dump dumps fill flags
    flat flatten getfield imag item itemsize mT max mean min nbytes ndim nonzero partition prod
    put ravel real repeat reshape resize round searchsorted setfield setflags shape size sort
    squeeze std strides sum swapaxes take to_device tobytes tofile tolist trace transpose var
    view
    """
)

# pandas (module)
PANDAS = _names(
    """
    ArrowDtype BooleanDtype Categorical CategoricalDtype CategoricalIndex DataFrame DateOffset
    DatetimeIndex DatetimeTZDtype ExcelFile ExcelWriter Flags Float32Dtype Float64Dtype Grouper
    HDFStore Index IndexSlice Int16Dtype Int32Dtype Int64Dtype Int8Dtype Interval IntervalDtype
    IntervalIndex MultiIndex NA NaT NamedAgg NamedFunc Period PeriodDtype PeriodIndex
    RangeIndex Series SparseDtype StringDtype Timedelta TimedeltaIndex Timestamp UInt16Dtype
    UInt32Dtype UInt64Dtype UInt8Dtype annotations api array arrays bdate_range col compat
    concat core crosstab cut date_range describe_option errors eval factorize from_dummies
    get_dummies get_option infer_freq interval_range io isna isnull json_normalize lreshape
    melt merge merge_asof merge_ordered notna notnull offsets option_context options pandas
    period_range pivot pivot_table plotting qcut read_clipboard read_csv read_excel
    read_feather read_fwf read_hdf read_html read_iceberg read_json read_orc read_parquet
    read_pickle read_sas read_spss read_sql read_sql_query read_sql_table read_stata read_table
    read_xml reset_option set_eng_float_format set_option show_versions test testing
    timedelta_range to_datetime to_numeric to_pickle to_timedelta tseries unique util
    wide_to_long
    """
)

# pandas DataFrame and Series
PANDAS_OBJECT = _names(
    """
    T abs add add_prefix add_suffix agg aggregate align all any apply argmax argmin argsort
    array asfreq asof assign astype at at_time attrs autocorr axes between between_time bfill
    boxplot case_when cat clip columns combine combine_first compare convert_dtypes copy corr
    corrwith count cov cummax cummin cumprod cumsum describe diff div divide divmod dot drop
    drop_duplicates droplevel dropna dt dtype dtypes duplicated empty eq equals eval ewm
    expanding explode factorize ffill fillna filter first_valid_index flags floordiv from_arrow
    from_dict from_records ge get groupby gt hasnans head hist iat idxmax idxmin iloc index
    infer_objects info insert interpolate is_monotonic_decreasing is_monotonic_increasing
    is_unique isetitem isin isna isnull item items iterrows itertuples join keys kurt kurtosis
    last_valid_index le list loc lt map mask max mean median melt memory_usage merge min mod
    mode mul multiply name nbytes ndim ne nlargest notna notnull nsmallest nunique pct_change
    pipe pivot pivot_table plot pop pow prod product quantile query radd rank rdiv rdivmod
    reindex reindex_like rename rename_axis reorder_levels repeat replace resample reset_index
    rfloordiv rmod rmul rolling round rpow rsub rtruediv sample searchsorted select
    select_dtypes sem set_axis set_flags set_index shape shift size skew sort_index sort_values
    sparse squeeze stack std str struct style sub subtract sum swaplevel tail take to_clipboard
    to_csv to_dict to_excel to_feather to_frame to_hdf to_html to_iceberg to_json to_latex
    to_list to_markdown to_numpy to_orc to_parquet to_period to_pickle to_records to_sql
    to_stata to_string to_timestamp to_xarray to_xml tolist transform transpose truediv
    truncate tz_convert tz_localize unique unstack update value_counts values var where xs
    """
)

# matplotlib.pyplot
PYPLOT = _names(
    """
    AbstractContextManager Annotation Arrow Artist AutoLocator AxLine Axes BackendFilter Button
    Circle Colorizer ColorizingArtist Colormap Enum ExitStack Figure FigureBase
    FigureCanvasBase FigureManagerBase FixedFormatter FixedLocator FormatStrFormatter Formatter
    FuncFormatter GridSpec IO IndexLocator Line2D LinearLocator Locator LogFormatter
    LogFormatterExponent LogFormatterMathtext LogLocator MaxNLocator MouseButton
    MultipleLocator Normalize NullFormatter NullLocator PolarAxes Polygon Rectangle
    ScalarFormatter Slider Subplot SubplotSpec TYPE_CHECKING Text TickHelper Widget acorr
    angle_spectrum annotate annotations arrow autoscale autumn axes axhline axhspan axis axline
    axvline axvspan backend_registry bar bar_label barbs barh bone box boxplot broken_barh cast
    cbook cla clabel clf clim close cm cohere color_sequences colorbar colormaps connect
    contour contourf cool copper csd cycler delaxes disconnect draw draw_all
    draw_if_interactive ecdf errorbar eventplot figaspect figimage figlegend fignum_exists
    figtext figure fill fill_between fill_betweenx findobj flag functools gca gcf gci get
    get_backend get_cmap get_current_fig_manager get_figlabels get_fignums get_plot_commands
    get_scale_names getp ginput gray grid grouped_bar hexbin hist hist2d hlines hot hsv
    importlib imread imsave imshow inferno inspect install_repl_displayhook interactive ioff
    ion isinteractive jet legend locator_params logging loglog magma magnitude_spectrum margins
    matplotlib matshow minorticks_off minorticks_on mlab new_figure_manager nipy_spectral np
    overload pause pcolor pcolormesh phase_spectrum pie pie_label pink plasma plot polar prism
    psd quiver quiverkey rc rcParams rcParamsDefault rcParamsOrig rc_context rcdefaults rcsetup
    rgrids savefig sca scatter sci semilogx semilogy set_cmap set_loglevel setp show specgram
    spring spy stackplot stairs stem step streamplot style subplot subplot2grid subplot_mosaic
    subplot_tool subplots subplots_adjust summer suptitle switch_backend sys table text
    thetagrids threading tick_params ticklabel_format tight_layout time title tricontour
    tricontourf tripcolor triplot twinx twiny uninstall_repl_displayhook violinplot viridis
    vlines waitforbuttonpress winter xcorr xkcd xlabel xlim xscale xticks ylabel ylim yscale
    yticks
    """
)

# numpy.random (module)
NUMPY_RANDOM = _names(
    """
    BitGenerator Generator MT19937 PCG64 PCG64DXSM Philox RandomState SFC64 SeedSequence
    beta binomial bytes chisquare choice default_rng dirichlet exponential f gamma geometric
    get_bit_generator get_state gumbel hypergeometric laplace logistic lognormal logseries
    multinomial multivariate_normal negative_binomial noncentral_chisquare noncentral_f
    normal pareto permutation poisson power rand randint randn random random_integers
    random_sample ranf rayleigh sample seed set_bit_generator set_state shuffle
    standard_cauchy standard_exponential standard_gamma standard_normal standard_t
    triangular uniform vonmises wald weibull zipf
    """
)

# torch (module), the common part
TORCH = _names(
    """
    Tensor abs add allclose arange argmax argmin argsort as_tensor autograd backends bernoulli
    bfloat16 bmm bool broadcast_to cat cdist chunk clamp clip compile concat cross cuda cumsum
    device diag dist distributed div dot dtype einsum empty enable_grad equal exp eye flatten
    flip float16 float32 float64 from_numpy full full_like gather get_default_dtype
    inference_mode int32 int64 is_tensor isinf isnan jit linspace load log log_softmax long
    manual_seed masked_select matmul max mean meshgrid min mm mul multinomial nan_to_num nn
    no_grad nonzero norm normal numel ones ones_like optim outer permute pow prod rand
    rand_like randint randn randn_like randperm relu repeat_interleave reshape roll save
    scatter set_default_dtype set_grad_enabled sigmoid softmax sort split sqrt squeeze stack
    std sub sum t tanh tensor topk transpose tril triu uint8 unique unsqueeze utils var where
    zeros zeros_like
    """
)

# torch.Tensor, the common part
TENSOR = _names(
    """
    abs add add_ all any apply_ argmax argmin argsort backward bmm bool ceil chunk clamp clip
    clone contiguous copy_ cpu cuda cumsum data detach device dim div div_ double dtype eq exp
    expand expand_as fill_ flatten float floor gather ge grad gt half index_select int
    is_contiguous is_cuda item le log long lt map_ masked_fill masked_fill_ matmul max mean min
    mm mul mul_ ndim ne nelement new_full new_ones new_tensor new_zeros nonzero norm numel
    numpy permute pin_memory pow prod relu repeat requires_grad requires_grad_ reshape
    reshape_as round scatter shape sigmoid size softmax sort split sqrt squeeze std storage
    stride sub sub_ sum t tanh to tolist topk transpose type type_as unique unsqueeze var view
    view_as zero_
    """
)

# pandas Series names a DataFrame lacks (``dir()`` of pandas 3.1): `df.hasnans` asks a frame
# for what only one of its columns has.
SERIES_ONLY = _names(
    """
    argmax argmin argsort array autocorr between case_when cat divmod dt dtype factorize
    hasnans is_monotonic_decreasing is_monotonic_increasing is_unique item list name nbytes
    rdivmod repeat searchsorted str struct to_frame to_list tolist unique
    """
)

# OpenCV's (cv2) functions students call most, written by hand: for "did you mean" only. It is
# no full list of cv2's names (cv2 is no dependency here), so it is not in MEMBERS, whose lists
# also tell a name a module lacks.
CV2 = _names(
    """
    BFMatcher CascadeClassifier Canny FlannBasedMatcher GaussianBlur HoughCircles HoughLines
    HoughLinesP LUT Laplacian ORB_create SIFT_create Sobel VideoCapture VideoWriter
    VideoWriter_fourcc absdiff adaptiveThreshold addWeighted applyColorMap approxPolyDP
    arcLength arrowedLine bilateralFilter bitwise_and bitwise_not bitwise_or bitwise_xor blur
    boundingRect boxPoints calcHist circle connectedComponents connectedComponentsWithStats
    contourArea convertScaleAbs convexHull copyMakeBorder cvtColor destroyAllWindows
    destroyWindow dilate distanceTransform drawContours drawKeypoints drawMatches ellipse
    equalizeHist erode filter2D findContours findHomography fitEllipse flip getAffineTransform
    getPerspectiveTransform getRotationMatrix2D getStructuringElement getTextSize
    goodFeaturesToTrack imdecode imencode imread imshow imwrite inRange line matchTemplate
    medianBlur merge minAreaRect minMaxLoc moments morphologyEx namedWindow normalize polylines
    putText pyrDown pyrUp rectangle resize split threshold waitKey warpAffine warpPerspective
    """
)

# Owner names (as AttributeError prints them) -> the names such an object has.
MEMBERS: dict[str, frozenset[str]] = {
    "numpy": NUMPY,
    "numpy.random": NUMPY_RANDOM,
    "ndarray": NDARRAY,
    "numpy.ndarray": NDARRAY,
    "pandas": PANDAS,
    "DataFrame": PANDAS_OBJECT,
    "Series": PANDAS_OBJECT,
    "matplotlib.pyplot": PYPLOT,
    "torch": TORCH,
    "Tensor": TENSOR,
}
